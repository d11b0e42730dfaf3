using System.Numerics;
using System.Runtime.InteropServices;

namespace Stayline.Features.Protection;

/// <summary>
/// A 64-bit fingerprint that is the same in every process and on every machine (unlike <see cref="HashCode"/>), for
/// telling whether a stored derived result differs from a fresh one. Each word goes through a round of the shape
/// XXH64 uses (multiply, rotate, multiply): every round is a bijection of the state, so two inputs of the same shape
/// that differ in a single word can never collide, and other differences collide with odds near 2^-64.
/// Values are length- or null-prefixed so that ("ab", "c") and ("a", "bc") differ.
/// </summary>
internal struct StableHash(ulong seed)
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;

    private ulong _state = seed + Prime1;

    public void Add(long value) => Round((ulong)value);

    public void Add(bool value) => Round(value ? 1UL : 2UL);

    public void Add(DateOnly? value) => Round(value is { } d ? (ulong)d.DayNumber : ulong.MaxValue);

    public void Add(long? value) => Round(value is { } v ? (ulong)v ^ 0x5555555555555555UL : ulong.MaxValue);

    public void Add(string? value)
    {
        if (value is null)
        {
            Round(ulong.MaxValue);
            return;
        }

        Round((ulong)value.Length);
        var chars = value.AsSpan();
        var words = MemoryMarshal.Cast<char, ulong>(chars);
        foreach (var w in words)
        {
            Round(w);
        }

        var tail = 0UL;
        for (var i = words.Length * 4; i < chars.Length; i++)
        {
            tail = (tail << 16) | chars[i];
        }

        if (words.Length * 4 < chars.Length)
        {
            Round(tail);
        }
    }

    public readonly long Value
    {
        get
        {
            var h = _state;
            h ^= h >> 33;
            h *= Prime2;
            h ^= h >> 29;
            h *= Prime3;
            h ^= h >> 32;
            return (long)h;
        }
    }

    private void Round(ulong input)
    {
        _state += input * Prime2;
        _state = BitOperations.RotateLeft(_state, 31);
        _state *= Prime1;
    }
}
