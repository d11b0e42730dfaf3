using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Matching;
using Stayline.Domain.People;
using Stayline.Features.Review;

namespace Stayline.Features.People;

/// <summary>A known person the one being added probably is: their score as the compare page gives it, and whether the
/// A-number is the same (then it is shown whatever the score).</summary>
public sealed record LikelyMatch(long Id, string Name, string? ANumber, DateOnly? BirthDate, string? Facility, double Score, MatchDecision Decision, bool SameANumber);

/// <summary>
/// The people a new record probably duplicates, looked up before it is saved: candidates come from the name index
/// (the People search's own token and name-key rows, never a scan of people), the person with the same A-number is
/// always one, and each is scored by the linkage engine with the learned context the duplicates queue and the compare
/// page use (<see cref="LearnedContexts.ForNewPersonAsync"/>: in a small database learned with the new record among
/// everyone, as they will see it once saved; in a large one the kept context, which one more person does not change),
/// so the score shown here is the one the compare page shows once saved.
/// </summary>
public static class LikelyMatches
{
    /// <summary>Candidates read from the name index per name searched, those born the same year first (a common name has many).</summary>
    private const int Candidates = 50;

    /// <summary>At most this many are shown, best first.</summary>
    public const int Shown = 5;

    public static async Task<IReadOnlyList<LikelyMatch>> FindAsync(StaylineDbContext db, LearnedContexts contexts, Person person, CancellationToken ct)
    {
        var ids = new HashSet<long>();
        foreach (var name in new[] { $"{person.GivenName} {person.FamilyName}", person.NativeName })
        {
            if (!string.IsNullOrWhiteSpace(name) && NameSearch.Parse(db, name) is { } search)
            {
                // A common name has thousands of people in the index, read in no particular order: those born the same
                // year are read first, or the record being typed again is missed among namesakes (at 1M people, six
                // "Yousif Kassab" born 1971-03-02 were not among the first 50 of 6,107 Kassabs: nothing was shown).
                if (person.BirthDate is { } born)
                {
                    var (from, to) = (new DateOnly(born.Year, 1, 1), new DateOnly(born.Year, 12, 31));
                    ids.UnionWith(await search.All.Select(m => m.PersonId)
                        .Where(id => db.People.Any(p => p.Id == id && p.BirthDate >= from && p.BirthDate <= to)).Take(Candidates).ToListAsync(ct));
                }

                ids.UnionWith(await search.All.Select(m => m.PersonId).Take(Candidates).ToListAsync(ct));
            }
        }

        // Only people the reader may see (the query filter): another organisation's client with the A-number is named
        // by the A-number check's own message, not listed here.
        var sameANumber = person.ANumber is null ? null
            : await db.People.AsNoTracking().Where(p => p.ANumber == person.ANumber && p.Id != person.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        if (sameANumber is { } same)
        {
            ids.Add(same);
        }

        ids.Remove(person.Id);
        if (ids.Count == 0)
        {
            return [];
        }

        var candidates = await db.People.AsNoTracking().Include(p => p.Aliases).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return [];
        }

        var context = await contexts.ForNewPersonAsync(db, ReviewService.Record(person), person.Aliases.Select(n => ReviewService.Record(person, n)).ToList(), ct);
        var scored = new List<(Person Person, MatchPair Pair)>();
        foreach (var c in candidates)
        {
            var best = ReviewService.BestPair(person, c, context);
            if (best.Decision != MatchDecision.Different || c.Id == sameANumber)
            {
                scored.Add((c, best));
            }
        }

        var shown = scored.OrderByDescending(s => s.Person.Id == sameANumber).ThenByDescending(s => s.Pair.Score).ThenBy(s => s.Person.Id).Take(Shown).ToList();
        var facilityIds = shown.Select(s => s.Person.CurrentFacilityId).OfType<long>().Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return shown.Select(s => new LikelyMatch(s.Person.Id, s.Person.FullName, s.Person.ANumberDisplay,
            s.Person.BirthDatePrecision == BirthDatePrecision.Unknown ? null : s.Person.BirthDate,
            s.Person.CurrentFacilityId is { } f && facilities.TryGetValue(f, out var n) ? n : null,
            s.Pair.Score, s.Pair.Decision, s.Person.Id == sameANumber)).ToList();
    }
}
