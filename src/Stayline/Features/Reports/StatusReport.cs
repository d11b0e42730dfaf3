using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Documents;
using Stayline.Domain.Matters;

using Stayline.Tables;

namespace Stayline.Features.Reports;

/// <summary>One class member's line in the court-ordered status report: what happened since the last report.</summary>
public sealed record StatusRow(
    string? ANumber,
    string Name,
    string Custody,
    string DetentionLocation,
    string FilesProduced,
    string MotionsFiled,
    string MotionsDecided,
    string Stays,
    string Appeals,
    string PetitionsForReview,
    string Transfers,
    string ReleasesAndRemovals,
    string RecordsNoncompliance = "");

/// <summary>
/// The report a court may order on every class member (in Hamama v. Adducci, every other Monday): files
/// produced, motions filed and decided, stays, appeals, petitions for review, detention location, transfers
/// and releases since the last report. Events on or after <c>since</c> count. When the class's stay order sets a date
/// for producing each member's A-file and record of proceedings, the last column lists every member whose files were
/// not received by that date (still owed on <c>today</c>, or received late), whatever the period.
/// </summary>
public static class StatusReport
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "a_number", "name", "custody", "detention_location", "files_produced", "motions_filed", "motions_decided",
        "stays", "appeals", "petitions_for_review", "transfers", "releases_and_removals", "records_noncompliance",
    ];

    private static readonly MatterKind[] Motions =
        [MatterKind.MotionToReopenIj, MatterKind.MotionToReopenBia, MatterKind.MotionToReconsiderIj, MatterKind.MotionToReconsiderBia];

    public static async Task<(ClassAction Class, IReadOnlyList<StatusRow> Rows)?> RunAsync(StaylineDbContext db, long classId, DateOnly since, DateOnly today,
        CancellationToken ct)
    {
        var cls = await db.ClassActions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == classId, ct);
        if (cls is null)
        {
            return null;
        }

        var members = db.ClassMemberships.Where(m => m.ClassActionId == classId).Select(m => m.PersonId);
        var people = await db.People.AsNoTracking().Where(p => members.Contains(p.Id))
            .OrderBy(p => p.SortName).ThenBy(p => p.ANumber).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.ANumber, p.GivenName, p.FamilyName, p.CustodyStatus, p.CurrentFacilityId }).ToListAsync(ct);
        var facilities = await db.Facilities.AsNoTracking().Select(f => new { f.Id, f.Name, f.City, f.State })
            .ToDictionaryAsync(f => f.Id, f => f.Name + (f.City is null ? "" : $", {f.City}") + (f.State is null ? "" : $", {f.State}"), ct);
        var events = (await db.PersonEvents.AsNoTracking()
                .Where(e => members.Contains(e.PersonId) && e.On >= since
                    && (e.Kind == PersonEventKind.AFileReceived || e.Kind == PersonEventKind.RecordOfProceedingsReceived))
                .OrderBy(e => e.On).Select(e => new { e.PersonId, e.Kind, e.On }).ToListAsync(ct))
            .ToLookup(e => e.PersonId, e => $"{(e.Kind == PersonEventKind.AFileReceived ? "A-file" : "ROP")} received {D(e.On)}");
        var matters = (await db.Matters.AsNoTracking()
                .Where(m => members.Contains(m.PersonId) && (m.FiledOn >= since || m.DecidedOn >= since))
                .OrderBy(m => m.FiledOn).ThenBy(m => m.Id)
                .Select(m => new { m.PersonId, m.Kind, m.Status, m.FiledOn, m.DecidedOn, m.StayRequested }).ToListAsync(ct))
            .ToLookup(m => m.PersonId);
        var stayOrders = (await db.CourtOrders.AsNoTracking()
                .Where(o => o.PersonId != null && members.Contains(o.PersonId.Value) && o.Kind == CourtOrderKind.IndividualStay && o.IssuedOn >= since)
                .Select(o => new { PersonId = o.PersonId!.Value, o.IssuedOn, o.Court }).ToListAsync(ct))
            .ToLookup(o => o.PersonId, o => $"stay ordered by {o.Court} {D(o.IssuedOn)}");
        var episodes = (await db.CustodyEpisodes.AsNoTracking()
                .Where(e => members.Contains(e.PersonId) && (e.To == null || e.To >= since))
                .OrderBy(e => e.From).ThenBy(e => e.Id)
                .Select(e => new { e.PersonId, e.FacilityId, e.From, e.To, e.EndReason }).ToListAsync(ct))
            .ToLookup(e => e.PersonId);

        var recordsDue = (await Records.RecordsQueries.ClassDueByClassAsync(db, ct)).TryGetValue(classId, out var due) ? due : (DateOnly?)null;
        var receipts = recordsDue is null
            ? []
            : (await db.PersonEvents.AsNoTracking()
                .Where(e => members.Contains(e.PersonId) && (e.Kind == PersonEventKind.AFileReceived || e.Kind == PersonEventKind.RecordOfProceedingsReceived))
                .GroupBy(e => new { e.PersonId, e.Kind }).Select(g => new { g.Key.PersonId, g.Key.Kind, First = g.Min(e => e.On) }).ToListAsync(ct))
            .ToDictionary(e => (e.PersonId, e.Kind), e => e.First);

        string Noncompliance(long personId)
        {
            if (recordsDue is not { } by)
            {
                return "";
            }

            var parts = new List<string>();
            foreach (var (kind, label) in new[] { (PersonEventKind.AFileReceived, "A-file"), (PersonEventKind.RecordOfProceedingsReceived, "ROP") })
            {
                if (receipts.TryGetValue((personId, kind), out var on))
                {
                    if (on > by)
                    {
                        parts.Add($"{label} received {D(on)}, {on.DayNumber - by.DayNumber} days after the ordered date {D(by)}");
                    }
                }
                else if (by < today)
                {
                    parts.Add($"{label} not received; ordered by {D(by)}, {today.DayNumber - by.DayNumber} days overdue");
                }
            }

            return Join(parts);
        }

        string Facility(long id) => facilities.GetValueOrDefault(id) ?? $"facility {id}";
        var rows = new List<StatusRow>(people.Count);
        foreach (var p in people)
        {
            var ms = matters[p.Id].ToList();
            IEnumerable<string> Filed(Func<MatterKind, bool> kind) =>
                ms.Where(m => kind(m.Kind) && m.FiledOn >= since).Select(m => $"{MatterNames.Of(m.Kind)} filed {D(m.FiledOn)}");
            IEnumerable<string> Decided(Func<MatterKind, bool> kind) =>
                ms.Where(m => kind(m.Kind) && m.DecidedOn >= since).Select(m => $"{MatterNames.Of(m.Kind)} {m.Status.ToString().ToLowerInvariant()} {D(m.DecidedOn)}");

            var eps = episodes[p.Id].ToList();
            var transfers = eps.Select((e, i) => (e, next: i + 1 < eps.Count ? eps[i + 1] : null))
                .Where(x => x.e.EndReason == CustodyEnd.Transferred && x.e.To >= since)
                .Select(x => $"{D(x.e.To)} {Facility(x.e.FacilityId)} to {(x.next is null ? "unknown facility" : Facility(x.next.FacilityId))}");
            var ends = eps.Where(e => e.EndReason is CustodyEnd.Released or CustodyEnd.Removed && e.To >= since)
                .Select(e => $"{(e.EndReason == CustodyEnd.Released ? "released" : "removed")} {D(e.To)} from {Facility(e.FacilityId)}");
            var stays = Filed(k => k == MatterKind.StayMotion).Concat(Decided(k => k == MatterKind.StayMotion))
                .Concat(ms.Where(m => m.StayRequested && m.Kind != MatterKind.StayMotion && m.FiledOn >= since)
                    .Select(m => $"stay requested with {MatterNames.Of(m.Kind)} {D(m.FiledOn)}"))
                .Concat(stayOrders[p.Id]);

            rows.Add(new StatusRow(
                Domain.People.ANumber.DisplayOf(p.ANumber),
                $"{p.GivenName} {p.FamilyName}".Trim(),
                p.CustodyStatus.ToString(),
                p.CurrentFacilityId is { } fid ? Facility(fid) : "",
                Join(events[p.Id]),
                Join(Filed(Motions.Contains)),
                Join(Decided(Motions.Contains)),
                Join(stays),
                Join(Filed(k => k == MatterKind.BiaAppeal).Concat(Decided(k => k == MatterKind.BiaAppeal))),
                Join(Filed(k => k == MatterKind.PetitionForReview).Concat(Decided(k => k == MatterKind.PetitionForReview))),
                Join(transfers),
                Join(ends),
                Noncompliance(p.Id)));
        }

        return (cls, rows);
    }

    public static Table ToTable(IEnumerable<StatusRow> rows)
    {
        var table = new Table(Headers);
        foreach (var r in rows)
        {
            table.Add(r.ANumber, r.Name, r.Custody, r.DetentionLocation, r.FilesProduced, r.MotionsFiled, r.MotionsDecided,
                r.Stays, r.Appeals, r.PetitionsForReview, r.Transfers, r.ReleasesAndRemovals, r.RecordsNoncompliance);
        }

        return table;
    }

    private static string Join(IEnumerable<string> parts) => string.Join("; ", parts);

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
