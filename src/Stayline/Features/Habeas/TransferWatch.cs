using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Work;
using Stayline.Features.Shared;

namespace Stayline.Features.Habeas;

/// <summary>
/// Raises a transfer alert when a person in custody is moved to a facility in another federal district. It runs in
/// the save hook, in the transaction of the custody change (every write path: the custody form and API, bulk
/// transfers, imports), so the alert exists the moment the move does. A habeas court keeps jurisdiction when the
/// petition was filed before the move (Ex parte Endo, 323 U.S. 283 (1944)); after it, the petition belongs in the
/// new district of confinement (Rumsfeld v. Padilla, 542 U.S. 426 (2004)): the alert says which case this is.
/// </summary>
public sealed class TransferWatch(TimeProvider clock) : IFactsChangedHandler
{
    public Task OnFactsChangedAsync(StaylineDbContext db, FactChanges changes, CancellationToken ct) =>
        changes.PersonIds.Count > 0 ? RaiseAsync(db, changes.PersonIds, ct) : Task.CompletedTask;

    public async Task RaiseAsync(StaylineDbContext db, IReadOnlyCollection<long> personIds, CancellationToken ct)
    {
        foreach (var chunk in personIds.Chunk(500))
        {
            var episodes = await db.CustodyEpisodes.AsNoTracking().Where(e => chunk.Contains(e.PersonId))
                .Select(e => new Episode(e.Id, e.PersonId, e.FacilityId, e.From, e.To, e.EndReason)).ToListAsync(ct);
            var moves = episodes.GroupBy(e => e.PersonId).SelectMany(g => CurrentMoves(g.OrderBy(e => e.From).ThenBy(e => e.Id).ToList())).ToList();
            if (moves.Count == 0)
            {
                continue;
            }

            var into = moves.Select(m => m.To.Id).ToList();
            var raised = (await db.Alerts.Where(a => a.Kind == AlertKind.Transfer && into.Contains(a.CustodyEpisodeId)).Select(a => a.CustodyEpisodeId).ToListAsync(ct))
                .Concat(db.Alerts.Local.Where(a => a.Kind == AlertKind.Transfer).Select(a => a.CustodyEpisodeId)).ToHashSet();
            var facilityIds = moves.SelectMany(m => new[] { m.From.FacilityId, m.To.FacilityId }).Distinct().ToList();
            var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id))
                .ToDictionaryAsync(f => f.Id, f => (f.Name, f.District), ct);
            var movers = moves.Select(m => m.To.PersonId).Distinct().ToList();
            var petitions = await db.Matters.AsNoTracking()
                .Where(m => movers.Contains(m.PersonId) && m.Kind == MatterKind.HabeasPetition && m.FiledOn != null
                    && m.Status != MatterStatus.Drafting && m.Status != MatterStatus.Withdrawn)
                .Select(m => new { m.PersonId, FiledOn = m.FiledOn!.Value, m.Court }).ToListAsync(ct);
            foreach (var (from, to, custodySince) in moves)
            {
                var (fromName, fromDistrict) = facilities[from.FacilityId];
                var (toName, toDistrict) = facilities[to.FacilityId];
                if (raised.Contains(to.Id) || (fromDistrict is not null && fromDistrict == toDistrict))
                {
                    continue;
                }

                // Filed on an earlier day of this custody; a petition filed on the day of the move may be either side of it.
                var filed = petitions.Where(p => p.PersonId == to.PersonId && p.FiledOn >= custodySince).ToList();
                var before = filed.Any(p => p.FiledOn < to.From);
                var sameDay = !before && filed.Any(p => p.FiledOn == to.From);
                db.Alerts.Add(Alert.ForTransfer(to.PersonId, to.Id, from.FacilityId, to.FacilityId, fromDistrict, toDistrict, before, to.From,
                    clock.GetUtcNow(), Describe(fromName, fromDistrict, toName, toDistrict, to.From, before, sameDay)));
                raised.Add(to.Id);
            }
        }
    }

    public static string Describe(string fromName, string? fromDistrict, string toName, string? toDistrict, DateOnly on, bool habeasBefore, bool sameDay) =>
        Said(fromName, fromDistrict, toName, toDistrict, on, habeasBefore, sameDay).ToString();

    /// <summary>The alert's text as a sentence a page says in the reader's language (printed, <see cref="Describe"/>).</summary>
    public static Sentence Said(string fromName, string? fromDistrict, string toName, string? toDistrict, DateOnly on, bool habeasBefore, bool sameDay)
    {
        var notKnown = Sentence.Of($"district not known");
        var move = Sentence.Of($"Moved on {on:yyyy-MM-dd} from {fromName} ({fromDistrict ?? (object)notKnown}) to {toName} ({toDistrict ?? (object)notKnown}).");
        var unknown = fromDistrict is null || toDistrict is null
            ? Sentence.Of($"A facility's district is not recorded, so the move may cross districts: record the county on the Facilities page.")
            : null;
        var first = fromDistrict ?? (object)Sentence.Of($"the first district");
        var next = toDistrict ?? (object)Sentence.Of($"the new district");
        var petition = habeasBefore
            ? Sentence.Of($"A habeas petition was filed before the move: the court in {first} keeps jurisdiction (Ex parte Endo); tell it of the transfer.")
            : sameDay
                ? Sentence.Of($"A habeas petition was filed on the day of the move: check the filing time against the time of the transfer.")
                : Sentence.Of($"No habeas petition was filed before the move: a petition now lies in {next}, where the person is held (Rumsfeld v. Padilla).");
        return Sentences.Joined(new[] { move, unknown, petition }.OfType<Sentence>());
    }

    /// <summary>Moves into the person's current custody (a chain of transfers ending in an open episode), with the day that custody began.</summary>
    private static IEnumerable<(Episode From, Episode To, DateOnly CustodySince)> CurrentMoves(List<Episode> episodes)
    {
        if (episodes.Count == 0 || episodes[^1].To is not null)
        {
            yield break;
        }

        var start = episodes.Count - 1;
        while (start > 0 && episodes[start - 1].EndReason == CustodyEnd.Transferred)
        {
            start--;
        }

        for (var i = start + 1; i < episodes.Count; i++)
        {
            yield return (episodes[i - 1], episodes[i], episodes[start].From);
        }
    }

    private sealed record Episode(long Id, long PersonId, long FacilityId, DateOnly From, DateOnly? To, CustodyEnd? EndReason);
}
