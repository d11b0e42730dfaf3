using Stayline.Domain.Common;

namespace Stayline.Domain.Board;

/// <summary>An attorney as the board weighs them: admissions, languages, capacity and current load (open assignments).</summary>
public sealed record Volunteer(string UserId, string Name, IReadOnlyList<BarAdmission> Admissions, IReadOnlyList<string> Languages, int? Capacity, int Load)
{
    public int? Spare => Capacity is { } c ? Math.Max(0, c - Load) : null;
}

/// <summary>A suggested attorney for a post, with what ranked them.</summary>
public sealed record Suggestion(Volunteer Volunteer, int LanguageMatches, int Spare);

/// <summary>Who may claim a post, and who is suggested for it. Pure: the caller loads the volunteers.</summary>
public static class Volunteers
{
    /// <summary>Null when the volunteer may claim the post; otherwise the reason, naming what is missing.</summary>
    public static string? RefusalFor(Volunteer v, CasePost post) => Refusal(v, post)?.ToString();

    /// <summary><see cref="RefusalFor"/> as a sentence a page says in the reader's language.</summary>
    public static Sentence? Refusal(Volunteer v, CasePost post)
    {
        if (!post.IsOpen)
        {
            return post.Status == CasePostStatus.Claimed ? Sentence.Of($"This case was already claimed by another volunteer.") : Sentence.Of($"This case was withdrawn from the board.");
        }

        if (!v.Admissions.Any(a => a.AdmitsTo(post.District)))
        {
            return Sentence.Of($"You are not admitted to the U.S. District Court for the {post.District}; add that admission to your profile if you have it.");
        }

        if (v.Capacity is not { } capacity)
        {
            return Sentence.Of($"Your profile has no capacity (the most open cases you can carry); set it before claiming.");
        }

        if (v.Load >= capacity)
        {
            return Sentence.Of($"You are at capacity: {v.Load} open cases of {capacity}.");
        }

        return null;
    }

    /// <summary>
    /// Attorneys admitted to the post's district with room for one more case, best first: more of the client's languages,
    /// then more spare capacity, then fewer open cases, then name (a stable order).
    /// </summary>
    public static IReadOnlyList<Suggestion> Suggest(CasePost post, IEnumerable<Volunteer> volunteers, int take = 10)
    {
        var needed = post.LanguageList;
        return volunteers
            .Where(v => v.Admissions.Any(a => a.AdmitsTo(post.District)) && v.Spare > 0)
            .Select(v => new Suggestion(v, Board.Languages.Matches(needed, v.Languages), v.Spare!.Value))
            .OrderByDescending(s => s.LanguageMatches).ThenByDescending(s => s.Spare).ThenBy(s => s.Volunteer.Load)
            .ThenBy(s => s.Volunteer.Name, StringComparer.Ordinal).ThenBy(s => s.Volunteer.UserId, StringComparer.Ordinal)
            .Take(take).ToList();
    }

    /// <summary>
    /// The signature block's admissions: the one for the petition's district first, then other federal courts, then state
    /// bars, each in the order admitted.
    /// </summary>
    public static IReadOnlyList<BarAdmission> ForSignature(IEnumerable<BarAdmission> admissions, string? district) =>
        admissions.OrderByDescending(a => a.AdmitsTo(district)).ThenBy(a => a.Kind == AdmissionKind.StateBar)
            .ThenBy(a => a.AdmittedOn ?? DateOnly.MaxValue).ThenBy(a => a.Jurisdiction, StringComparer.Ordinal).ToList();
}
