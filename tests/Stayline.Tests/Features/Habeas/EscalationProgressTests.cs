using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Domain.Work;
using Stayline.Features.Habeas;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Habeas;

/// <summary>
/// The watcher's escalation after its first walk of the queue reads only what can have become due since (days past the
/// threshold, custody recorded since) and a slice of the queue in turn: every unclaimed person is still escalated, the
/// ones who became unclaimed by time or by a new custody record on the next run, the others within queue / slice runs.
/// </summary>
public class EscalationProgressTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Escalate_AfterTheFirstWalk_RaisesWhatBecameDue_ByTimeAndNewCustodyNextRun_AndAnEndedAssignmentWithinTheSweep(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(provider, clock, b =>
        {
            b.Configuration["Stayline:Habeas:EscalateAfterHours"] = "48";
            b.Configuration["Stayline:Habeas:SweepPerRun"] = "2";
            HabeasKit.OwnOutbox(b);
        });
        var kit = new HabeasKit(app);
        var calhoun = await kit.FacilityAsync("Calhoun County Correctional Center");
        var claimed = new List<long>();
        foreach (var (given, day) in new[] { ("Yousif", "2026-10-01"), ("Nadia", "2026-10-05"), ("Rita", "2026-10-09"), ("Samir", "2026-10-13"), ("Layla", "2026-10-17") })
        {
            var person = await kit.PersonAsync(given, "Kassab");
            await kit.CustodyAsync(person, "Detain", day, calhoun);
            await kit.AssignAsync(person, "attorney", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
            claimed.Add(person);
        }

        var unclaimed = await kit.PersonAsync("Sabah", "Yaldo");
        await kit.CustodyAsync(unclaimed, "Detain", "2026-11-01", calhoun);
        var yesterday = await kit.PersonAsync("Hanna", "Jajo");
        await kit.CustodyAsync(yesterday, "Detain", "2026-11-27", calhoun);

        await using var scope = app.Scope();
        var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        async Task<List<long>> AlertedAsync() =>
            await db.Alerts.AsNoTracking().Where(a => a.Kind == AlertKind.Unclaimed).OrderBy(a => a.Id).Select(a => a.PersonId).ToListAsync();

        // The first run walks the whole queue: the one unclaimed person past 48 hours (Hanna Jajo has been held 39).
        Assert.Equal(1, await alerts.EscalateAsync(CancellationToken.None));
        Assert.Equal([unclaimed], await AlertedAsync());
        var progress = scope.ServiceProvider.GetRequiredService<EscalationProgress>();
        Assert.Equal(new DateOnly(2026, 11, 26), progress.Cutoff);
        Assert.Equal(0, await alerts.EscalateAsync(CancellationToken.None));

        // A detention entered today that began ten days ago: escalated on the next run.
        var late = await kit.PersonAsync("Rami", "Toma");
        await kit.CustodyAsync(late, "Detain", "2026-11-18", calhoun);
        Assert.Equal(1, await alerts.EscalateAsync(CancellationToken.None));
        Assert.Equal([unclaimed, late], await AlertedAsync());

        // A day later Hanna Jajo's arrest day is past the threshold: escalated on the next run.
        clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, await alerts.EscalateAsync(CancellationToken.None));
        Assert.Equal([unclaimed, late, yesterday], await AlertedAsync());
        Assert.Equal(new DateOnly(2026, 11, 27), progress.Cutoff);

        // An attorney leaves the case of the person detained longest: no new record says so, the sweep (two of the
        // queue's eight people a run) finds it within four runs, and nobody is raised twice.
        await using (var edit = app.Scope())
        {
            var editDb = edit.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var assignment = await editDb.Assignments.SingleAsync(a => a.PersonId == claimed[0] && a.To == null);
            assignment.End(new DateOnly(2026, 11, 29));
            await editDb.SaveChangesAsync();
        }

        var raised = new List<int>();
        for (var run = 0; run < 4; run++)
        {
            raised.Add(await alerts.EscalateAsync(CancellationToken.None));
        }

        Assert.Equal(1, raised.Sum());
        Assert.Equal([unclaimed, late, yesterday, claimed[0]], await AlertedAsync());
        Assert.Equal(0, await alerts.EscalateAsync(CancellationToken.None));
    }
}
