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
    /// <summary>Counting a huge match set is slower than anyone needs; past this the page says "10,000+".</summary>
    public const int CountCap = 10_000;

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
                // Every word as a prefix of a name word, or every name key of the query (variant spellings:
                // "Yusuf Al Jaburi" finds "Yousif Aljabouri").
                var byPrefix = db.People.Select(p => p.Id);
                foreach (var token in SearchText.Tokens(f.Q).Take(6))
                {
                    var upper = PersonSearch.PrefixUpperBound(token);
                    byPrefix = byPrefix.Where(id => db.NameTokens
                        .Where(t => string.Compare(t.Token, token) >= 0 && string.Compare(t.Token, upper) < 0)
                        .Select(t => t.PersonId).Contains(id));
                }

                var keys = PersonSearch.KeysFor(f.Q).Take(6).ToList();
                if (keys.Count == 0)
                {
                    q = q.Where(p => byPrefix.Contains(p.Id));
                }
                else
                {
                    var byKey = db.People.Select(p => p.Id);
                    foreach (var key in keys)
                    {
                        byKey = byKey.Where(id => db.NameTokens.Where(t => t.Token == key).Select(t => t.PersonId).Contains(id));
                    }

                    q = q.Where(p => byPrefix.Contains(p.Id) || byKey.Contains(p.Id));
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
