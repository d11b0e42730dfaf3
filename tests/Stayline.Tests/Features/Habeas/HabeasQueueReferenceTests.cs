using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Organisations;
using Stayline.Domain.People;
using Stayline.Features.Habeas;
using Stayline.Features.Organisations;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Habeas;

/// <summary>
/// The queue's query (an index walk for the page, a count by subtraction) against the plainest reading of its
/// definition, computed here from every row: nobody who should be on it is missing, nobody is on it twice.
/// </summary>
public class HabeasQueueReferenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Queue_EqualsTheDefinitionComputedRowByRow_EveryPage_ForEachReader(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new FakeTimeProvider(Now));
        var kit = new HabeasKit(app);
        long[] facilities =
        [
            await kit.FacilityAsync("Calhoun County Correctional Center"),
            await kit.FacilityAsync("Eloy Detention Center"),
            await kit.FacilityAsync("Krome North Service Processing Center"),
            await kit.FacilityAsync("Monroe County Jail", "MI"),
        ];

        // Custody histories through the ledger (detentions, transfers on the day and later, releases, removals,
        // re-detention on the day of release), petitions in every status, filed before, during and between custodies.
        var rng = new Random(14);
        var people = new List<long>();
        for (var i = 0; i < 36; i++)
        {
            var id = await kit.PersonAsync("Queue", $"Person{i}");
            people.Add(id);
            var day = Today.AddDays(-rng.Next(20, 90));
            var facility = facilities[rng.Next(facilities.Length)];
            if (i % 9 == 8)
            {
                continue;
            }

            await kit.CustodyAsync(id, "Detain", Iso(day), facility);
            var held = true;
            var steps = rng.Next(0, 5);

            for (var s = 0; s < steps && day < Today; s++)
            {
                day = day.AddDays(rng.Next(0, 8));
                if (day > Today)
                {
                    day = Today;
                }

                if (held && rng.Next(3) > 0)
                {
                    facility = facilities.Where(f => f != facility).ElementAt(rng.Next(facilities.Length - 1));
                    await kit.CustodyAsync(id, "Transfer", Iso(day), facility);
                }
                else if (held)
                {
                    await kit.CustodyAsync(id, rng.Next(4) == 0 ? "Remove" : "Release", Iso(day));
                    held = false;
                }
                else
                {
                    await kit.CustodyAsync(id, "Detain", Iso(day), facility);
                    held = true;
                }
            }

            for (var m = rng.Next(0, 3); m > 0; m--)
            {
                var status = new[] { "Filed", "Pending", "Drafting", "Withdrawn", "Filed" }[rng.Next(5)];
                var filed = status is "Drafting" || (status is "Withdrawn" && rng.Next(2) == 0) ? null : Iso(Today.AddDays(-rng.Next(0, 95)));
                await kit.HabeasAsync(id, status, filed);
            }
        }

        // Records that conflict: a release recorded from an old file after the open custody began; a person marked
        // detained whose last custody was closed by a release. Neither may drop off the queue.
        var conflicting = await kit.PersonAsync("Queue", "Conflicting");
        await kit.CustodyAsync(conflicting, "Detain", Iso(Today.AddDays(-30)), facilities[0]);
        var closed = await kit.PersonAsync("Queue", "Closed");
        await kit.CustodyAsync(closed, "Detain", Iso(Today.AddDays(-40)), facilities[1]);
        await kit.CustodyAsync(closed, "Transfer", Iso(Today.AddDays(-35)), facilities[2]);
        await kit.CustodyAsync(closed, "Release", Iso(Today.AddDays(-20)));
        people.AddRange([conflicting, closed]);

        long partner;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var (organisation, error) = await OrganisationService.AddAsync(db, "Partner B", coordinating: false, Now, CancellationToken.None);
            Assert.Null(error);
            partner = organisation!.Id;

            // Every third person belongs to the partner; two of the coordinating organisation's are shared with it.
            foreach (var person in await db.People.Where(p => people.Contains(p.Id)).ToListAsync())
            {
                if (people.IndexOf(person.Id) % 3 == 0)
                {
                    person.BelongTo(partner);
                }
            }

            db.PersonShares.Add(new PersonShare(people[1], partner, null, "test", Now));
            db.PersonShares.Add(new PersonShare(people[4], partner, null, "test", Now));

            // Shapes the ledger does not write: past custodies recorded from an old file (one long before, one that
            // overlaps the custody recorded since), and a person marked detained with no custody on record (not on the
            // queue: there is no day to order them by).
            var old = await db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == people[2]);
            Assert.Empty(CustodyLedger.AddPast(old, facilities[0], Today.AddDays(-400), Today.AddDays(-300), CustodyEnd.Released, Today));
            var overlap = await db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == people[5]);
            Assert.Empty(CustodyLedger.AddPast(overlap, facilities[1], Today.AddDays(-95), Today.AddDays(-10), CustodyEnd.Released, Today));
            var conflict = await db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == conflicting);
            Assert.Empty(CustodyLedger.AddPast(conflict, facilities[1], Today.AddDays(-60), Today.AddDays(-5), CustodyEnd.Released, Today));
            await db.SaveChangesAsync();
            await db.People.Where(p => p.Id == closed).ExecuteUpdateAsync(u => u.SetProperty(p => p.CustodyStatus, CustodyStatus.Detained));
            await db.People.Where(p => p.Id == people[8]).ExecuteUpdateAsync(u => u.SetProperty(p => p.CustodyStatus, CustodyStatus.Detained));
        }

        var everyone = await ReferenceAsync(app, _ => true);
        Assert.InRange(everyone.Count, 8, people.Count - 8);
        Assert.Equal(Today.AddDays(-30), everyone.Single(r => r.PersonId == conflicting).Since);
        Assert.Equal(Today.AddDays(-35), everyone.Single(r => r.PersonId == closed).Since);
        Assert.Equal(everyone, await AllPagesAsync(app, null));
        Assert.Equal(everyone.Select(r => r.PersonId), (await ApiPagesAsync(app)).Select(r => r.PersonId));

        var visibleToPartner = new HashSet<long>(people.Where((p, i) => i % 3 == 0)) { people[1], people[4] };
        var partnerView = await ReferenceAsync(app, visibleToPartner.Contains);
        Assert.NotEmpty(partnerView);
        Assert.NotEqual(everyone.Count, partnerView.Count);
        Assert.Equal(partnerView, await AllPagesAsync(app, Visibility.For(partner, coordinatingAdmin: false)));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The definition, person by person: detained with custody on record; the current custody is the
    /// episodes that began on or after the last release (a transfer is not one), and where records conflict the open
    /// episode and the latest-starting one; it began on their first day (first episode by id that day); no habeas
    /// petition filed (not drafting, not withdrawn) on or after that day. Longest detained first, then by person.</summary>
    private static async Task<List<(long PersonId, long? FacilityId, DateOnly Since, long EpisodeId)>> ReferenceAsync(TestApp app, Func<long, bool> visible)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var people = await db.People.AsNoTracking().ToListAsync();
        var episodes = (await db.CustodyEpisodes.AsNoTracking().ToListAsync()).ToLookup(e => e.PersonId);
        var petitions = (await db.Matters.AsNoTracking().Where(m => m.Kind == MatterKind.HabeasPetition).ToListAsync()).ToLookup(m => m.PersonId);
        var rows = new List<(long, long?, DateOnly, long)>();
        foreach (var p in people.Where(p => p.CustodyStatus == CustodyStatus.Detained && visible(p.Id)))
        {
            var mine = episodes[p.Id].ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var lastRelease = mine.Where(e => e.To is not null && e.EndReason != CustodyEnd.Transferred).Select(e => e.To).Max();
            var latest = mine.Max(e => e.From);
            var current = mine.Where(e => lastRelease is null || e.From >= lastRelease || e.To is null || e.From == latest).ToList();
            var since = current.Min(e => e.From);
            var first = current.Where(e => e.From == since).Min(e => e.Id);
            if (petitions[p.Id].Any(m => m.FiledOn is { } f && f >= since && m.Status is not (MatterStatus.Drafting or MatterStatus.Withdrawn)))
            {
                continue;
            }

            rows.Add((p.Id, p.CurrentFacilityId, since, first));
        }

        return [.. rows.OrderBy(r => r.Item3).ThenBy(r => r.Item1)];
    }

    /// <summary>Every page of the queue, three rows at a time, as <paramref name="reader"/> (null: the whole install).</summary>
    private static async Task<List<(long PersonId, long? FacilityId, DateOnly Since, long EpisodeId)>> AllPagesAsync(TestApp app, Visibility? reader)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        if (reader is { } r)
        {
            db.ScopeTo(r);
        }

        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var rows = new List<(long, long?, DateOnly, long)>();
        for (var skip = 0; ; skip += 3)
        {
            var page = await HabeasQueue.RunAsync(db, clock, 48, skip, 3, CancellationToken.None);
            rows.AddRange(page.Rows.Select(x => (x.PersonId, x.FacilityId, x.DetainedSince, x.CustodyEpisodeId)));
            if (page.Rows.Count < 3)
            {
                Assert.Equal(rows.Count, page.Total);
                return rows;
            }
        }
    }

    /// <summary>The API's pages, five rows at a time, as the coordinating organisation's admin (who sees everyone).</summary>
    private static async Task<List<(long PersonId, string DetainedSince)>> ApiPagesAsync(TestApp app)
    {
        var rows = new List<(long, string)>();
        for (var skip = 0; ; skip += 5)
        {
            var response = await app.Api("admin").GetAsync($"/api/v1/habeas/queue?skip={skip}&take=5");
            var page = JsonSerializer.Deserialize<List<JsonElement>>(await response.Content.ReadAsStringAsync())!;
            rows.AddRange(page.Select(r => (r.GetProperty("personId").GetInt64(), r.GetProperty("detainedSince").GetString()!)));
            if (page.Count < 5)
            {
                Assert.Equal(rows.Count.ToString(CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Total-Count")));
                return rows;
            }
        }
    }
}
