using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Domain.Work;
using Stayline.Features.Bulk;
using Stayline.Features.Custody;
using Stayline.Features.Deadlines;
using Stayline.Features.Protection;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Bulk;

public class BulkUndoTests
{
    private static readonly DateOnly On = new(2026, 5, 4);

    private sealed record Kit(TestApp App, AsyncServiceScope Scope, StaylineDbContext Db, BulkActions Bulk, BulkUndo Undo, long Kassab, long Jarjees) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Scope.DisposeAsync();
            await App.DisposeAsync();
        }

        /// <summary>Undo in a fresh scope, as a second request would.</summary>
        public async Task<UndoOutcome> UndoAsync(long batchId)
        {
            await using var scope = App.Scope();
            var outcome = await scope.ServiceProvider.GetRequiredService<BulkUndo>().UndoAsync(batchId);
            Db.ChangeTracker.Clear();
            return outcome;
        }
    }

    private static async Task<Kit> StartAsync(string provider)
    {
        var app = await TestApp.StartAsync(provider);
        var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var kassab = await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Kassab", null, "A012345678");
        var jarjees = await ReviewServiceTests.AddPersonAsync(db, "Nadia", "Jarjees", null, "A023456789");
        return new Kit(app, scope, db, scope.ServiceProvider.GetRequiredService<BulkActions>(), scope.ServiceProvider.GetRequiredService<BulkUndo>(), kassab, jarjees);
    }

    private static async Task<long> ApplyAsync(Kit k, BulkAction action, params long[] ids)
    {
        var result = await k.Bulk.ApplyAsync(new BulkSelection(ids), action);
        Assert.True(result.Applied, result.Message);
        k.Db.ChangeTracker.Clear();
        return result.BatchId!.Value;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_RecordedEvents_RemovesThemAuditsTheUndoAndRefusesASecondUndo(string provider)
    {
        await using var k = await StartAsync(provider);
        var batch = await ApplyAsync(k, new BulkAction(BulkActionKind.RecordEvent, EventKind: PersonEventKind.AFileReceived, On: On), k.Kassab, k.Jarjees);
        Assert.Equal(2, await k.Db.PersonEvents.CountAsync(e => EF.Property<long?>(e, BulkBatch.BatchIdColumn) == batch));

        var outcome = await k.UndoAsync(batch);

        Assert.True(outcome.Done, outcome.Message);
        Assert.Equal(0, await k.Db.PersonEvents.CountAsync());
        Assert.Equal(2, await k.Db.AuditEvents.CountAsync(a => a.EntityType == nameof(PersonEvent) && a.Action == "delete"));
        var undo = await k.Db.AuditEvents.SingleAsync(a => a.Action == "undo" && a.EntityType == nameof(BulkBatch));
        Assert.Equal(batch.ToString(CultureInfo.InvariantCulture), undo.EntityId);
        Assert.NotNull((await k.Db.BulkBatches.SingleAsync(b => b.Id == batch)).UndoneAt);
        var again = await k.UndoAsync(batch);
        Assert.False(again.Done);
        Assert.Contains("was already undone", again.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_ReceiptsAMotionCountsFrom_IsRefusedNamingItAndChangesNothing(string provider)
    {
        await using var k = await StartAsync(provider);
        var batch = await ApplyAsync(k, new BulkAction(BulkActionKind.RecordEvent, EventKind: PersonEventKind.AFileReceived, On: On), k.Kassab, k.Jarjees);
        var (motion, errors) = Matter.Create(k.Kassab, new MatterInput(MatterKind.MotionToReopenIj, Adjudicator.ImmigrationJudge, null, null, MatterStatus.Filed,
            On.AddDays(30), null, false, null), On.AddDays(40));
        Assert.Empty(errors);
        k.Db.Matters.Add(motion!);
        await k.Db.SaveChangesAsync();
        k.Db.ChangeTracker.Clear();

        var outcome = await k.UndoAsync(batch);

        Assert.False(outcome.Done);
        Assert.Contains("1 people have a motion to reopen filed on or after the recorded day", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(2, await k.Db.PersonEvents.CountAsync());
        Assert.Null((await k.Db.BulkBatches.SingleAsync(b => b.Id == batch)).UndoneAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_ReceiptsFromTheDeadlinesForm_AreOneBatch_AndAnEventCorrectedSinceBlocksIt(string provider)
    {
        await using var k = await StartAsync(provider);
        var result = await BulkRecords.ApplyAsync(k.Db, "A012345678\nA023456789", PersonEventKind.RecordOfProceedingsReceived, On, TimeProvider.System, default);
        k.Db.ChangeTracker.Clear();
        Assert.Equal(2, result.Recorded);
        var corrected = await k.Db.PersonEvents.Where(e => e.PersonId == k.Kassab).Select(e => e.Id).SingleAsync();
        Assert.Empty((await EventCorrections.CorrectAsync(k.Db, k.Kassab, corrected, On.AddDays(-1), "ROP received the day before", On, default))!);
        k.Db.ChangeTracker.Clear();

        var refused = await k.UndoAsync(result.BatchId!.Value);

        Assert.False(refused.Done);
        Assert.Contains("1 of its changes were corrected, undone one by one or merged away since", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, await k.Db.PersonEvents.CountAsync());
        Assert.Equal(On.AddDays(-1), (await k.Db.PersonEvents.SingleAsync(e => e.Id == corrected)).On);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_Assignments_RemovesThem_UnlessTheAttorneyHasWrittenNotesSince(string provider)
    {
        await using var k = await StartAsync(provider);
        var attorney = await k.Db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
        var first = await ApplyAsync(k, new BulkAction(BulkActionKind.AssignAttorney, AttorneyId: attorney), k.Kassab);

        Assert.True((await k.UndoAsync(first)).Done);
        Assert.Equal(0, await k.Db.Assignments.CountAsync());

        var second = await ApplyAsync(k, new BulkAction(BulkActionKind.AssignAttorney, AttorneyId: attorney), k.Kassab, k.Jarjees);
        k.Db.Notes.Add(new Note(k.Jarjees, attorney, DateTimeOffset.UtcNow.AddMinutes(1), "Called the family.", false));
        await k.Db.SaveChangesAsync();
        k.Db.ChangeTracker.Clear();

        var refused = await k.UndoAsync(second);

        Assert.False(refused.Done);
        Assert.Contains("1 people have notes written since by the assigned attorney", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, await k.Db.Assignments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_ClassMembership_RemovesIt_UnlessADocumentWasDraftedSince(string provider)
    {
        await using var k = await StartAsync(provider);
        var cls = new ClassAction("Hamama v. Adducci", "E.D. Mich.", null, null);
        k.Db.ClassActions.Add(cls);
        await k.Db.SaveChangesAsync();
        var first = await ApplyAsync(k, new BulkAction(BulkActionKind.AddToClass, ClassId: cls.Id), k.Kassab, k.Jarjees);

        Assert.True((await k.UndoAsync(first)).Done);
        Assert.Equal(0, await k.Db.ClassMemberships.CountAsync());

        var second = await ApplyAsync(k, new BulkAction(BulkActionKind.AddToClass, ClassId: cls.Id), k.Kassab, k.Jarjees);
        k.Db.GeneratedDocuments.Add(new GeneratedDocument
        {
            PersonId = k.Kassab,
            TemplateKey = "mtr",
            FileName = "mtr.docx",
            Content = [1],
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(1),
            CreatedBy = "test",
        });
        await k.Db.SaveChangesAsync();
        k.Db.ChangeTracker.Clear();

        var refused = await k.UndoAsync(second);

        Assert.False(refused.Done);
        Assert.Contains("1 people have documents drafted since", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, await k.Db.ClassMemberships.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_Transfer_ReopensTheEndedCustodyAndPutsBackThoseNotHeld_UnlessMovedSince(string provider)
    {
        await using var k = await StartAsync(provider);
        var facilities = await k.Db.Facilities.OrderBy(f => f.Id).Select(f => f.Id).Take(3).ToListAsync();
        var held = await k.Db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == k.Jarjees);
        CustodyLedger.Detain(held, facilities[0], On.AddDays(-20), On);
        await k.Db.SaveChangesAsync();
        k.Db.ChangeTracker.Clear();
        var batch = await ApplyAsync(k, new BulkAction(BulkActionKind.Transfer, FacilityId: facilities[1], On: On), k.Kassab, k.Jarjees);
        Assert.Equal(facilities[1], (await k.Db.People.SingleAsync(p => p.Id == k.Kassab)).CurrentFacilityId);

        var outcome = await k.UndoAsync(batch);

        Assert.True(outcome.Done, outcome.Message);
        var kassab = await k.Db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == k.Kassab);
        Assert.Empty(kassab.CustodyEpisodes);
        Assert.Equal(CustodyStatus.Unknown, kassab.CustodyStatus);
        Assert.Null(kassab.CurrentFacilityId);
        var jarjees = await k.Db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == k.Jarjees);
        var episode = Assert.Single(jarjees.CustodyEpisodes);
        Assert.True(episode.IsOpen);
        Assert.Equal((CustodyStatus.Detained, (long?)facilities[0]), (jarjees.CustodyStatus, jarjees.CurrentFacilityId));

        var again = await ApplyAsync(k, new BulkAction(BulkActionKind.Transfer, FacilityId: facilities[1], On: On), k.Jarjees);
        var moved = await k.Db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == k.Jarjees);
        Assert.Empty(CustodyLedger.Transfer(moved, facilities[2], On.AddDays(1), On.AddDays(1)));
        await k.Db.SaveChangesAsync();
        k.Db.ChangeTracker.Clear();

        var refused = await k.UndoAsync(again);

        Assert.False(refused.Done);
        Assert.Contains("1 people were moved, released or removed since", refused.Message, StringComparison.Ordinal);
        Assert.Equal(facilities[2], (await k.Db.People.SingleAsync(p => p.Id == k.Jarjees)).CurrentFacilityId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PersonPage_UndoEventAndLatestCustodyChange_AndRefusalWhileAMotionCountsFromIt(string provider)
    {
        await using var k = await StartAsync(provider);
        var facilities = await k.Db.Facilities.OrderBy(f => f.Id).Select(f => f.Id).Take(2).ToListAsync();
        Assert.Empty((await FactWrites.RecordEventAsync(k.Db, k.Kassab, new EventWrite(PersonEventKind.AFileReceived, On), On, default))!);
        Assert.Empty((await FactWrites.RecordEventAsync(k.Db, k.Kassab, new EventWrite(PersonEventKind.Arrested, On.AddDays(-30)), On, default))!);
        var (motion, _) = Matter.Create(k.Kassab, new MatterInput(MatterKind.MotionToReopenBia, Adjudicator.Board, null, null, MatterStatus.Filed, On.AddDays(10), null, false, null), On.AddDays(10));
        k.Db.Matters.Add(motion!);
        var person = await k.Db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == k.Kassab);
        CustodyLedger.Detain(person, facilities[0], On.AddDays(-30), On);
        await k.Db.SaveChangesAsync();
        CustodyLedger.Transfer(person, facilities[1], On, On);
        await k.Db.SaveChangesAsync();
        k.Db.ChangeTracker.Clear();
        var receipt = await k.Db.PersonEvents.SingleAsync(e => e.Kind == PersonEventKind.AFileReceived);
        var arrest = await k.Db.PersonEvents.SingleAsync(e => e.Kind == PersonEventKind.Arrested);

        var refused = await EventCorrections.UndoAsync(k.Db, k.Kassab, receipt.Id, default);
        var undone = await EventCorrections.UndoAsync(k.Db, k.Kassab, arrest.Id, default);
        var otherPerson = await EventCorrections.UndoAsync(k.Db, k.Jarjees, receipt.Id, default);
        k.Db.ChangeTracker.Clear();
        var custody = await CustodyUndo.UndoLatestAsync(k.Db, k.Kassab, default);
        k.Db.ChangeTracker.Clear();

        Assert.False(refused!.Done);
        Assert.Contains("the motion to reopen (bia) filed 2026-05-14 counts its deadline from it", refused.Message, StringComparison.Ordinal);
        Assert.True(undone!.Done);
        Assert.Null(otherPerson);
        Assert.Equal([PersonEventKind.AFileReceived], await k.Db.PersonEvents.Select(e => e.Kind).ToListAsync());
        Assert.True(custody!.Done, custody.Message);
        Assert.Equal(facilities[0], (await k.Db.People.SingleAsync(p => p.Id == k.Kassab)).CurrentFacilityId);
        Assert.True((await k.Db.CustodyEpisodes.SingleAsync(e => e.PersonId == k.Kassab)).IsOpen);
        Assert.Equal(1, await k.Db.AuditEvents.CountAsync(a => a.EntityType == nameof(CustodyEpisode) && a.Action == "delete"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UndoLatestCustody_DocumentDraftedSince_IsRefusedUntilTheDraftIsGone(string provider)
    {
        await using var k = await StartAsync(provider);
        var facilities = await k.Db.Facilities.OrderBy(f => f.Id).Select(f => f.Id).Take(2).ToListAsync();
        var person = await k.Db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == k.Kassab);
        CustodyLedger.Detain(person, facilities[0], On.AddDays(-30), On);
        await k.Db.SaveChangesAsync();
        CustodyLedger.Transfer(person, facilities[1], On, On);
        await k.Db.SaveChangesAsync();
        var transfer = person.CustodyEpisodes.Single(e => e.IsOpen).Id.ToString(CultureInfo.InvariantCulture);
        var recorded = await k.Db.AuditEvents.Where(a => a.EntityType == nameof(CustodyEpisode) && a.EntityId == transfer && a.Action == "create")
            .Select(a => a.At).SingleAsync();
        k.Db.GeneratedDocuments.Add(new GeneratedDocument
        {
            PersonId = k.Kassab,
            TemplateKey = "habeas",
            FileName = "before-transfer.docx",
            CreatedAt = recorded.AddMinutes(-5),
            CreatedBy = "t",
        });
        var draft = new GeneratedDocument { PersonId = k.Kassab, TemplateKey = "habeas", FileName = "habeas-after-transfer.docx", CreatedAt = recorded.AddMinutes(5), CreatedBy = "t" };
        k.Db.GeneratedDocuments.Add(draft);
        await k.Db.SaveChangesAsync();
        k.Db.ChangeTracker.Clear();

        var refused = await CustodyUndo.UndoLatestAsync(k.Db, k.Kassab, default);
        k.Db.ChangeTracker.Clear();
        var stillAt = (await k.Db.People.SingleAsync(p => p.Id == k.Kassab)).CurrentFacilityId;
        k.Db.GeneratedDocuments.Remove(await k.Db.GeneratedDocuments.SingleAsync(d => d.Id == draft.Id));
        await k.Db.SaveChangesAsync();
        k.Db.ChangeTracker.Clear();
        var undone = await CustodyUndo.UndoLatestAsync(k.Db, k.Kassab, default);
        k.Db.ChangeTracker.Clear();

        Assert.False(refused!.Done);
        Assert.Contains("a document was drafted since it was recorded and may state it (habeas-after-transfer.docx)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(facilities[1], stillAt);
        Assert.True(undone!.Done, undone.Message); // the draft made before the transfer does not block it
        Assert.Equal(facilities[0], (await k.Db.People.SingleAsync(p => p.Id == k.Kassab)).CurrentFacilityId);
    }

    [Fact]
    public async Task HistoryPage_IntakeMayUndoOwnEventsButNotTheCoordinatorsAssignment()
    {
        await using var k = await StartAsync("sqlite");
        var attorney = await k.Db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
        var assigned = await ApplyAsync(k, new BulkAction(BulkActionKind.AssignAttorney, AttorneyId: attorney), k.Kassab);
        var intake = await k.App.SignedInAsync("intake");
        var fields = new Dictionary<string, string>
        {
            ["Input.ANumbers"] = "A012345678",
            ["Input.Kind"] = "RecordEvent",
            ["Input.EventKind"] = "AFileReceived",
            ["Input.On"] = "2026-05-04",
        };
        Assert.Equal(HttpStatusCode.OK, (await TestApp.PostFormAsync(intake, "/Bulk", "/Bulk?handler=Apply", fields)).StatusCode);
        var own = await k.Db.BulkBatches.Where(b => b.Kind == BulkBatchKind.RecordEvent).Select(b => b.Id).SingleAsync();

        var page = await intake.GetStringAsync("/Bulk/History");
        var forbidden = await TestApp.PostFormAsync(intake, "/Bulk/History", "/Bulk/History?handler=Undo",
            new Dictionary<string, string> { ["id"] = assigned.ToString(CultureInfo.InvariantCulture) });
        var allowed = await TestApp.PostFormAsync(intake, "/Bulk/History", "/Bulk/History?handler=Undo",
            new Dictionary<string, string> { ["id"] = own.ToString(CultureInfo.InvariantCulture) });

        Assert.Contains("Record \"A-file received\" on 2026-05-04", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        Assert.False(forbidden.Headers.Location?.ToString().StartsWith("/Bulk/History", StringComparison.Ordinal) ?? false);
        Assert.Equal(1, await k.Db.Assignments.CountAsync());
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Equal(0, await k.Db.PersonEvents.CountAsync());
    }
}
