using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stayline.Data;
using Stayline.Data.Bulk;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Protection;

/// <summary>A recompute writes only what changed, and what it stores equals what a recompute from nothing stores.</summary>
public class RecomputeChangesTests
{
    /// <summary>Three class members (order of 1998, A-file received, class order of 2017-07-24 with 90 days); the save hook has stored their results.</summary>
    private static async Task<(TestApp App, FakeTimeProvider Clock, CaseBuilder B, long[] Ids)> MembersAsync(string provider)
    {
        var clock = TestClock.At("2017-09-25");
        var app = await TestApp.StartAsync(provider, clock);
        var b = new CaseBuilder(app);
        var ids = await b.ThreeClassMembersAsync();
        return (app, clock, b, ids);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecomputeAll_UnchangedFacts_WritesNothing(string provider)
    {
        var (app, _, _, _) = await MembersAsync(provider);
        await using var _ = app;
        var before = await SnapshotAsync(app, withIds: true);

        var stats = await RecomputeAllAsync(app, D("2017-09-25"));

        Assert.Equal((3, 0, 0, 0), (stats.People, stats.PeopleChanged, stats.ProtectionRowsWritten, stats.DeadlineRowsWritten));
        Assert.Equal(before, await SnapshotAsync(app, withIds: true));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ScopeRecompute_UnchangedFactsSameDay_WritesNothing(string provider)
    {
        var (app, _, _, ids) = await MembersAsync(provider);
        await using var _ = app;

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var stats = await app.Services.GetRequiredService<ProtectionRecompute>().RecomputeAsync(db, PersonScope.Ids(ids), D("2017-09-25"), default);
        await tx.CommitAsync();

        Assert.Equal((3, 0, 0, 0), (stats.People, stats.PeopleChanged, stats.ProtectionRowsWritten, stats.DeadlineRowsWritten));
    }

    [Fact]
    public async Task ScopeRecompute_ClassWithoutMembers_DoesNothing()
    {
        await using var app = await TestApp.StartAsync();

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var stats = await app.Services.GetRequiredService<ProtectionRecompute>().RecomputeAsync(db, PersonScope.ClassMembers(999), D("2017-09-25"), default);

        Assert.Equal((0, 0, 0), (stats.People, stats.Deadlines, stats.PeopleChanged));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecomputeAll_OnePersonGotAFactBehindTheHook_RewritesOnlyThatPersonsChangedRows(string provider)
    {
        var (app, _, _, ids) = await MembersAsync(provider);
        await using var _ = app;
        var before = await SnapshotAsync(app, withIds: true);
        await InsertEventBehindHookAsync(app, ids[1], PersonEventKind.RecordOfProceedingsReceived, D("2017-09-25"));

        var stats = await RecomputeAllAsync(app, D("2017-09-25"));

        // The protection row and the class motion deadline of the second person change; nothing else is written.
        Assert.Equal((1, 1, 1), (stats.PeopleChanged, stats.ProtectionRowsWritten, stats.DeadlineRowsWritten));
        var after = await SnapshotAsync(app, withIds: true);
        Assert.Equal(before.Protection.Where(p => p.PersonId != ids[1]), after.Protection.Where(p => p.PersonId != ids[1]));
        Assert.Equal(before.Deadlines.Where(d => d.PersonId != ids[1]), after.Deadlines.Where(d => d.PersonId != ids[1]));
        var oldMotion = before.Deadlines.Single(d => d.PersonId == ids[1] && d.RuleId == "class-mtr");
        var newMotion = after.Deadlines.Single(d => d.PersonId == ids[1] && d.RuleId == "class-mtr");
        Assert.Equal((oldMotion.Id, (DateOnly?)null, (DateOnly?)D("2017-12-26")), (newMotion.Id, oldMotion.DueDate, newMotion.DueDate));
        Assert.Equal(D("2017-12-26"), after.Protection.Single(p => p.PersonId == ids[1]).UntilDate);
    }

    [Fact]
    public async Task RecomputeAll_NextDayNothingChanged_ConfirmsRowsWithoutRewritingThem()
    {
        var (app, clock, _, ids) = await MembersAsync("sqlite");
        await using var _ = app;
        clock.MoveTo("2017-09-26");

        var stats = await RecomputeAllAsync(app, D("2017-09-26"));

        Assert.Equal((0, 0), (stats.ProtectionRowsWritten, stats.DeadlineRowsWritten));
        Assert.Equal(D("2017-09-25"), (await RecomputeOnWriteTests.StoredAsync(app, ids[0])).ComputedAsOf);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var recompute = app.Services.GetRequiredService<ProtectionRecompute>();
        Assert.Equal(0, (await recompute.RecomputeStaleAsync(db, D("2017-09-26"), default)).People);
        var view = await ProtectionReader.GetAsync(db, recompute, clock, ids[0], default);
        Assert.Equal(D("2017-09-26"), view!.ComputedAsOf);
    }

    [Fact]
    public async Task ScopeRecompute_LaterDayWithoutFullRecompute_RefreshesTheDayOfUnchangedRows()
    {
        var (app, clock, _, ids) = await MembersAsync("sqlite");
        await using var _ = app;
        clock.MoveTo("2017-09-27");

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var stats = await app.Services.GetRequiredService<ProtectionRecompute>().RecomputeStaleAsync(db, D("2017-09-27"), default);
            Assert.Equal((3, 0, 3, 0), (stats.People, stats.PeopleChanged, stats.ProtectionRowsWritten, stats.DeadlineRowsWritten));
        }

        Assert.All(ids, id => Assert.Equal(D("2017-09-27"), RecomputeOnWriteTests.StoredAsync(app, id).GetAwaiter().GetResult().ComputedAsOf));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangedOverDays_StoredRowsEqualARecomputeFromNothing(string provider)
    {
        var (app, clock, b, ids) = await MembersAsync(provider);
        await using var _ = app;
        await InsertEventBehindHookAsync(app, ids[0], PersonEventKind.RecordOfProceedingsReceived, D("2017-09-25"));
        await InsertEventBehindHookAsync(app, ids[1], PersonEventKind.RecordOfProceedingsReceived, D("2017-09-20"));
        await RecomputeAllAsync(app, D("2017-09-25"));
        clock.MoveTo("2017-12-01");
        var motion = await b.MatterAsync(ids[1], MatterKind.MotionToReopenIj, "2017-11-30");
        await b.DecideAsync(motion, MatterStatus.Denied, "2017-12-01");
        clock.MoveTo("2018-01-10");

        var stats = await RecomputeAllAsync(app, D("2018-01-10"));
        var incremental = await SnapshotAsync(app, withIds: false);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await DerivedWrite.DeleteAllAsync(BulkTarget.Of(db), default);
            await tx.CommitAsync();
        }

        var fresh = await RecomputeAllAsync(app, D("2018-01-10"));

        Assert.True(stats.PeopleChanged > 0);
        Assert.Equal(3, fresh.ProtectionRowsWritten);
        Assert.Equal(await SnapshotAsync(app, withIds: false), incremental);
    }

    private static async Task<RecomputeStats> RecomputeAllAsync(TestApp app, DateOnly asOf)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        return await app.Services.GetRequiredService<ProtectionRecompute>().RecomputeAllAsync(db, asOf, default);
    }

    /// <summary>A fact written with plain SQL, so that no save hook recomputes: only a full recompute can find it.</summary>
    private static async Task InsertEventBehindHookAsync(TestApp app, long personId, PersonEventKind kind, DateOnly on)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        await db.Database.ExecuteSqlAsync($"INSERT INTO person_events (\"PersonId\", \"Kind\", \"On\") VALUES ({personId}, {kind.ToString()}, {on})");
    }

    private sealed record ProtectionRow(long PersonId, string State, string? PrimarySource, DateOnly? UntilDate, string? UntilEvent, bool EndsWithin7Days,
        string Summary, long ProtectionHash, long DeadlinesHash);

    private sealed record DeadlineRow(long Id, long PersonId, string RuleId, long? CourtOrderId, DateOnly? TriggerDate, DateOnly? DueDate, int PeriodDays,
        string Citation, string State);

    private sealed record Snapshot(List<ProtectionRow> Protection, List<DeadlineRow> Deadlines)
    {
        public bool Equals(Snapshot? other) => other is not null && Protection.SequenceEqual(other.Protection) && Deadlines.SequenceEqual(other.Deadlines);

        public override int GetHashCode() => Protection.Count;
    }

    /// <summary>Every stored derived row but the day it was computed; deadline ids only when asked (a rewrite from nothing gives new ids).</summary>
    private static async Task<Snapshot> SnapshotAsync(TestApp app, bool withIds)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var protection = await db.Protections.AsNoTracking()
            .Join(db.Set<PersonDerivedHash>(), p => p.PersonId, h => h.PersonId, (p, h) => new ProtectionRow(p.PersonId, p.State, p.PrimarySource, p.UntilDate,
                p.UntilEvent, p.EndsWithin7Days, p.Summary, h.ProtectionHash, h.DeadlinesHash))
            .ToListAsync();
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => !d.Manual)
            .Select(d => new DeadlineRow(withIds ? d.Id : 0, d.PersonId, d.RuleId, d.CourtOrderId, d.TriggerDate, d.DueDate, d.PeriodDays, d.Citation, d.State))
            .ToListAsync();
        return new Snapshot([.. protection.OrderBy(p => p.PersonId)],
            [.. deadlines.OrderBy(d => d.PersonId).ThenBy(d => d.RuleId, StringComparer.Ordinal).ThenBy(d => d.CourtOrderId).ThenBy(d => d.DueDate).ThenBy(d => d.Id)]);
    }
}
