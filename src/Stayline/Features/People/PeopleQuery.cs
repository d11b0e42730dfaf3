using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.People;

namespace Stayline.Features.People;

public enum PeopleSort
{
    Name,
    ANumber,
    BirthDate,
    Newest,
}

/// <summary>The people list's filters; the page and the API bind the same names.</summary>
public sealed record PeopleFilter
{
    /// <summary>A name (any words, prefix match, case and accents ignored) or an A-number in any common format.</summary>
    public string? Q { get; init; }
    public long? FacilityId { get; init; }
    public CustodyStatus? Status { get; init; }
    public string? AttorneyId { get; init; }
    public long? ClassId { get; init; }
    public bool? HasLawyer { get; init; }
    public PeopleSort Sort { get; init; }
    public bool Desc { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

public sealed record PersonRow(long Id, string? ANumber, string GivenName, string FamilyName, DateOnly? BirthDate,
    BirthDatePrecision BirthDatePrecision, string? Citizenship, CustodyStatus CustodyStatus, long? FacilityId, string? FacilityName, int Version)
{
    public string FullName => $"{GivenName} {FamilyName}".Trim();

    public string? ANumberDisplay => ANumber is null ? null : Domain.People.ANumber.FromStored(ANumber).Display;
}

public sealed record PeoplePage(IReadOnlyList<PersonRow> Rows, int Total, bool TotalIsCapped, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class PeopleQuery
{
    /// <summary>Counting a huge match set is slower than anyone needs; past this the page says "More than 1,000".
    /// (With 1,000,000 people, counting to 10,000 cost as much as fetching the sorted page: docs/benchmarks/foundation.md.)</summary>
    public const int CountCap = 1_000;

    public static IQueryable<Person> Filter(StaylineDbContext db, PeopleFilter f)
    {
        var q = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            if (ANumber.TryParse(f.Q, out var a, out _))
            {
                var digits = a.Value.Digits;
                q = q.Where(p => p.ANumber == digits);
            }
            else
            {
                // The longest prefix is usually the rarest: its token range drives the search, and each of its
                // people is checked for the other prefixes on the (PersonId, Token) index, so the intersection is
                // made on the token indexes and only the people who match are read. (An IN list per word made
                // SQLite drive by the first word: "al" in "al-jab" is 40% of an Iraqi caseload.)
                // The query's spelling-robust name keys are matched the same way, as an alternative:
                // "Yusuf Al Jaburi" finds "Yousif Aljabouri".
                var tokens = SearchText.Tokens(f.Q).Take(6).OrderByDescending(t => t.Length).ToList();
                if (tokens.Count > 0)
                {
                    var first = tokens[0];
                    var firstUpper = PersonSearch.PrefixUpperBound(first);
                    var matches = db.NameTokens.Where(t => string.Compare(t.Token, first) >= 0 && string.Compare(t.Token, firstUpper) < 0);
                    foreach (var token in tokens.Skip(1))
                    {
                        var upper = PersonSearch.PrefixUpperBound(token);
                        matches = matches.Where(m => db.NameTokens.Any(t => t.PersonId == m.PersonId
                            && string.Compare(t.Token, token) >= 0 && string.Compare(t.Token, upper) < 0));
                    }

                    var byPrefix = matches.Select(t => t.PersonId);
                    var keys = PersonSearch.KeysFor(f.Q).Take(6).ToList();
                    if (keys.Count == 0)
                    {
                        q = q.Where(p => byPrefix.Contains(p.Id));
                    }
                    else
                    {
                        var firstKey = keys[0];
                        var keyMatches = db.NameTokens.Where(t => t.Token == firstKey);
                        foreach (var key in keys.Skip(1))
                        {
                            keyMatches = keyMatches.Where(m => db.NameTokens.Any(t => t.PersonId == m.PersonId && t.Token == key));
                        }

                        var byKey = keyMatches.Select(t => t.PersonId);
                        q = q.Where(p => byPrefix.Contains(p.Id) || byKey.Contains(p.Id));
                    }
                }
            }
        }

        if (f.FacilityId is { } facility)
        {
            q = q.Where(p => p.CurrentFacilityId == facility);
        }

        if (f.Status is { } status)
        {
            q = q.Where(p => p.CustodyStatus == status);
        }

        if (!string.IsNullOrEmpty(f.AttorneyId))
        {
            q = q.Where(p => db.Assignments.Where(a => a.UserId == f.AttorneyId && a.To == null).Select(a => a.PersonId).Contains(p.Id));
        }

        if (f.ClassId is { } classId)
        {
            q = q.Where(p => db.ClassMemberships.Where(m => m.ClassActionId == classId).Select(m => m.PersonId).Contains(p.Id));
        }

        if (f.HasLawyer is { } has)
        {
            q = has
                ? q.Where(p => db.Assignments.Any(a => a.PersonId == p.Id && a.To == null))
                : q.Where(p => !db.Assignments.Any(a => a.PersonId == p.Id && a.To == null));
        }

        return q;
    }

    public static async Task<PeoplePage> RunAsync(StaylineDbContext db, PeopleFilter f, CancellationToken ct)
    {
        var pageSize = Math.Clamp(f.PageSize, 1, 500);
        var page = Math.Max(1, f.Page);
        var q = Filter(db, f);
        var total = await q.Take(CountCap + 1).CountAsync(ct);
        var sorted = (f.Sort, f.Desc) switch
        {
            (PeopleSort.ANumber, false) => q.OrderBy(p => p.ANumber).ThenBy(p => p.Id),
            (PeopleSort.ANumber, true) => q.OrderByDescending(p => p.ANumber).ThenBy(p => p.Id),
            (PeopleSort.BirthDate, false) => q.OrderBy(p => p.BirthDate).ThenBy(p => p.Id),
            (PeopleSort.BirthDate, true) => q.OrderByDescending(p => p.BirthDate).ThenBy(p => p.Id),
            (PeopleSort.Newest, _) => q.OrderByDescending(p => p.Id),
            (_, false) => q.OrderBy(p => p.SortName).ThenBy(p => p.Id),
            (_, true) => q.OrderByDescending(p => p.SortName).ThenBy(p => p.Id),
        };
        var rows = await sorted.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PersonRow(p.Id, p.ANumber, p.GivenName, p.FamilyName, p.BirthDate, p.BirthDatePrecision, p.Citizenship,
                p.CustodyStatus, p.CurrentFacilityId, db.Facilities.Where(x => x.Id == p.CurrentFacilityId).Select(x => x.Name).FirstOrDefault(), p.Version))
            .ToListAsync(ct);
        return new PeoplePage(rows, Math.Min(total, CountCap), total > CountCap, page, pageSize);
    }
}
