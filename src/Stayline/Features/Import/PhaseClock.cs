using System.Diagnostics;
using System.Globalization;

namespace Stayline.Features.Import;

/// <summary>
/// How long each phase of an import took (`import people --timings`): each <see cref="Mark"/> closes the phase that
/// ran since the previous one. A step inside a phase is marked with a name starting with two spaces.
/// </summary>
public sealed class PhaseClock
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly List<(string Name, TimeSpan Took)> phases = [];
    private TimeSpan last;

    public IReadOnlyList<(string Name, TimeSpan Took)> Phases => phases;

    public void Mark(string name)
    {
        var now = watch.Elapsed;
        phases.Add((name, now - last));
        last = now;
    }

    /// <summary>A step measured elsewhere (inside a phase that is marked as a whole): listed, not subtracted; a step
    /// already listed under the same name since the last mark adds up (the same step of each slice).</summary>
    public void Step(string name, TimeSpan took)
    {
        name = "  " + name;
        var at = phases.FindLastIndex(p => p.Name == name);
        if (at >= 0 && !phases.Skip(at + 1).Any(p => !p.Name.StartsWith(' ')))
        {
            phases[at] = (name, phases[at].Took + took);
        }
        else
        {
            phases.Add((name, took));
        }
    }

    public IEnumerable<string> Lines() => phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name,-34} {p.Took.TotalSeconds,8:0.000} s"))
        .Append(string.Create(CultureInfo.InvariantCulture, $"{"total",-34} {watch.Elapsed.TotalSeconds,8:0.000} s"));
}
