using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Stayline.Data;

namespace Stayline.Infrastructure;

/// <summary>
/// NIST SP 800-63B: at least 12 characters (Identity's RequiredLength), no composition rules, and not a value that is
/// commonly used or expected: a listed common password, a listed one padded with digits or symbols (password1234!),
/// or little more than the product's name or the user's own email. Used by every way of setting a password
/// (<c>user add</c>, the admin page, the password-change page), because Identity runs its validators for each.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaylineUser>
{
    public const string Code = "CommonPassword";
    private const string Product = "stayline";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<StaylineUser> manager, StaylineUser user, string? password) =>
        Task.FromResult(IsCommon(password ?? "", user.Email)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = Code,
                Description = "This password is too easy to guess: it is a common password, a common word padded with digits or symbols, "
                    + "or built from this product's name or your email. Use a phrase of several unrelated words.",
            })
            : IdentityResult.Success);

    public static bool IsCommon(string password, string? email)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lower))
        {
            return true;
        }

        // What is left once context words and padding are taken away must be more than a listed word.
        var core = lower;
        var removedContext = false;
        foreach (var word in ContextWords(email))
        {
            if (core.Contains(word, StringComparison.Ordinal))
            {
                core = core.Replace(word, "", StringComparison.Ordinal);
                removedContext = true;
            }
        }

        core = core.Trim(Padding);
        return (removedContext && core.Length < 4) || Common.Value.Contains(core);
    }

    private static IEnumerable<string> ContextWords(string? email)
    {
        yield return Product;
        if (email?.Split('@') is [var local, var domain] && local.Length >= 3)
        {
            yield return local.ToLowerInvariant();
            yield return domain.ToLowerInvariant();
        }
    }

    private static readonly char[] Padding = "0123456789 !@#$%^&*()-_=+.,;:?/\\|'\"`~[]{}<>".ToCharArray();

    private static HashSet<string> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("common-passwords.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
