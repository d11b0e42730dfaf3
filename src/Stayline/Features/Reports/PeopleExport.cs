using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Work;
using Stayline.Features.People;
using Stayline.Features.Shared;

using Stayline.Tables;

namespace Stayline.Features.Reports;

/// <summary>Every person matching the people list's filter (not just one page), as a table; each export is audited
/// (one row for the export here; the web (<see cref="Infrastructure.PersonReads"/>) and the command line also record each
/// person exported).</summary>
public static class PeopleExport
{
    public static async Task<(Table Table, IReadOnlyList<long> PersonIds)> RunAsync(StaylineDbContext db, PeopleFilter filter, AuditActor actor, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await PeopleQuery.Filter(db, filter).OrderBy(p => p.SortName).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.ANumber,
                p.GivenName,
                p.FamilyName,
                p.NativeName,
                p.BirthDate,
                p.BirthDatePrecision,
                p.Citizenship,
                p.Languages,
                p.BirthPlace,
                p.FatherName,
                p.MotherName,
                p.City,
                p.Email,
                p.Phone,
                p.CustodyStatus,
                Facility = db.Facilities.Where(f => f.Id == p.CurrentFacilityId).Select(f => f.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var lawyers = (await db.Assignments.AsNoTracking().Where(a => a.To == null && ids.Contains(a.PersonId))
                .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.PersonId, Name = u.DisplayName ?? u.Email }).ToListAsync(ct))
            .ToLookup(a => a.PersonId, a => a.Name);
        // The import's header names, so that an export imports again.
        // The particulars last, so that readers of the earlier columns by position are not moved.
        var table = new Table(["a_number", "given_name", "family_name", "native_name", "birth_date", "citizenship", "languages",
            "custody", "facility", "attorneys", "place_of_birth", "father_name", "mother_name", "city", "email", "phone"]);
        foreach (var r in rows)
        {
            table.Add(Domain.People.ANumber.DisplayOf(r.ANumber), r.GivenName, r.FamilyName, r.NativeName,
                Display.BirthDate(r.BirthDate, r.BirthDatePrecision), r.Citizenship, r.Languages, r.CustodyStatus.ToString(), r.Facility,
                string.Join("; ", lawyers[r.Id]), r.BirthPlace, r.FatherName, r.MotherName, r.City, r.Email, r.Phone);
        }

        db.AuditEvents.Add(new AuditEvent(now, actor.UserId, actor.UserName, "export", "People", null, null, null,
            System.Text.Json.JsonSerializer.Serialize(new { filter = Describe(filter), rows = rows.Count })));
        await db.SaveChangesAsync(ct);
        return (table, ids);
    }

    private static string Describe(PeopleFilter f) => string.Join(" ", new[]
    {
        f.Q is null ? null : $"q={f.Q}", f.FacilityId is null ? null : $"facility={f.FacilityId}", f.Status is null ? null : $"status={f.Status}",
        f.AttorneyId is null ? null : $"attorney={f.AttorneyId}", f.ClassId is null ? null : $"class={f.ClassId.Value.ToString(CultureInfo.InvariantCulture)}",
        f.HasLawyer is null ? null : $"has_lawyer={f.HasLawyer}",
    }.Where(s => s is not null));
}
