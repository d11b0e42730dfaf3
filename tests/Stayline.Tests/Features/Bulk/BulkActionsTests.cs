using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Features.Bulk;
using Stayline.Features.People;
using Stayline.Tables;
using Stayline.Tests.Features.Review;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Bulk;

public class BulkActionsTests
{
    private static readonly DateOnly On = new(2026, 5, 4);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordEvent_ByANumbers_PreviewsSkipsUnknownAndAppliesOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var bulk = scope.ServiceProvider.GetRequiredService<BulkActions>();
        var kassab = await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Kassab", null, "A012345678");
        var jarjees = await ReviewServiceTests.AddPersonAsync(db, "Nadia", "Jarjees", null, "A023456789");
        var selection = new BulkSelection(ANumbers: "A-number\nA012-345-678\n023456789, A099999999\nA12");
        var action = new BulkAction(BulkActionKind.RecordEvent, EventKind: PersonEventKind.AFileReceived, On: On);

        var preview = await bulk.PreviewAsync(selection, action);

        Assert.Equal([jarjees, kassab], preview.Change.Select(c => c.PersonId));
        Assert.Equal(["A099999999: no person has this A-number", "A12: A-number \"A12\" has 2 digits; expected 8 or 9."],
            preview.Skipped.Select(s => $"{s.Who}: {s.Reason}").Order(StringComparer.Ordinal));
        Assert.Equal(0, await db.PersonEvents.CountAsync());

        var applied = await bulk.ApplyAsync(selection, action);

        Assert.True(applied.Applied);
        Assert.Equal(2, await db.PersonEvents.CountAsync(e => e.Kind == PersonEventKind.AFileReceived && e.On == On));
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.EntityType == nameof(PersonEvent) && a.Action == "create"));
        var again = await bulk.PreviewAsync(selection, action);
        Assert.Empty(again.Change);
        Assert.Contains(again.Skipped, s => s.Reason == "already has \"A-file received\" on 2026-05-04");
    }

    [Fact]
    public async Task Transfer_OneCannotMove_SkipsItWithTheReasonAndMovesTheOthersAtomically()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var bulk = scope.ServiceProvider.GetRequiredService<BulkActions>();
        var facilities = await db.Facilities.OrderBy(f => f.Id).Select(f => f.Id).Take(2).ToListAsync();
        var a = await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Kassab", null);
        var b = await ReviewServiceTests.AddPersonAsync(db, "Nadia", "Jarjees", null);
        var held = await db.People.Include(p => p.CustodyEpisodes).SingleAsync(p => p.Id == b);
        // Nadia has been held since after the transfer date: she is skipped, not half-moved.
        CustodyLedger.Detain(held, facilities[0], On.AddDays(10), On.AddDays(30));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var action = new BulkAction(BulkActionKind.Transfer, FacilityId: facilities[1], On: On);

        var result = await bulk.ApplyAsync(new BulkSelection([a, b, 999_999]), action);

        Assert.True(result.Applied, result.Message);
        Assert.Equal(1, result.Changed);
        Assert.Contains(result.Skipped, s => s.Who == "person 999999");
        Assert.Contains(result.Skipped, s => s.Who == "Nadia Jarjees" && s.Reason.Contains("before the current detention began", StringComparison.Ordinal));
        db.ChangeTracker.Clear();
        Assert.Equal(facilities[1], (await db.People.SingleAsync(p => p.Id == a)).CurrentFacilityId);
        Assert.Equal(facilities[0], (await db.People.SingleAsync(p => p.Id == b)).CurrentFacilityId);
    }

    [Fact]
    public async Task AssignAndClassAndExport_ByFilter()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var bulk = scope.ServiceProvider.GetRequiredService<BulkActions>();
        await ReviewServiceTests.AddPersonAsync(db, "Yousif", "Kassab", new DateOnly(1971, 3, 2), "A012345678", "Iraq");
        await ReviewServiceTests.AddPersonAsync(db, "=cmd", "Kassab", null);
        await ReviewServiceTests.AddPersonAsync(db, "Nadia", "Jarjees", null);
        var cls = new ClassAction("Hamama v. Adducci", "E.D. Mich.", null, null);
        db.ClassActions.Add(cls);
        await db.SaveChangesAsync();
        var attorney = await db.Users.Where(u => u.Email == TestApp.Email("attorney")).Select(u => u.Id).SingleAsync();
        var kassabs = new BulkSelection(Filter: new PeopleFilter { Q = "kassab" });

        Assert.Equal(2, (await bulk.ApplyAsync(kassabs, new BulkAction(BulkActionKind.AssignAttorney, AttorneyId: attorney))).Changed);
        Assert.Equal(2, (await bulk.ApplyAsync(kassabs, new BulkAction(BulkActionKind.AddToClass, ClassId: cls.Id))).Changed);
        var noAttorney = await bulk.PreviewAsync(kassabs, new BulkAction(BulkActionKind.AssignAttorney, AttorneyId: "nobody"));
        Assert.False(noAttorney.CanApply);
        Assert.Equal(["Choose an attorney."], noAttorney.Errors);
        var (table, _) = await bulk.ExportAsync(kassabs);
        var csv = TableWriter.Csv(table);

        Assert.Equal(2, await db.Assignments.CountAsync(x => x.UserId == attorney));
        Assert.Equal(2, await db.ClassMemberships.CountAsync(x => x.ClassActionId == cls.Id));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,a_number,given_name,family_name,dob,country,custody,facility", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.EndsWith(",A012-345-678,Yousif,Kassab,1971-03-02,Iraq,Unknown,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",'=cmd,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BulkPage_FromPastedANumbers_PreviewThenApply_AndViewerRefused()
    {
        await using var app = await TestApp.StartAsync();
        await using (var scope = app.Scope())
        {
            await ReviewServiceTests.AddPersonAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), "Yousif", "Kassab", null, "A012345678");
        }

        var viewer = await app.SignedInAsync("viewer");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await viewer.GetAsync("/Bulk")).StatusCode);
        var intake = await app.SignedInAsync("intake");
        var fields = new Dictionary<string, string>
        {
            ["Input.ANumbers"] = "A012345678\nA099999999",
            ["Input.Kind"] = "RecordEvent",
            ["Input.EventKind"] = "AFileReceived",
            ["Input.On"] = "2026-05-04",
        };
        var preview = await (await TestApp.PostFormAsync(intake, "/Bulk", "/Bulk?handler=Preview", fields)).Content.ReadAsStringAsync();
        Assert.Contains("1 will change; 1 skipped", preview);
        Assert.Contains("<bdi>A099999999</bdi>: no person has this A-number", preview);

        var applied = await (await TestApp.PostFormAsync(intake, "/Bulk", "/Bulk?handler=Apply", fields)).Content.ReadAsStringAsync();

        Assert.Contains("1 people changed, 1 skipped", applied);
        await using var check = app.Scope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<StaylineDbContext>().PersonEvents.CountAsync());
    }

    [Fact]
    public async Task Export_Intake_IsRefusedOnTheBulkPageAsOnReports_OthersWithTheExportPermissionGetTheFile()
    {
        await using var app = await TestApp.StartAsync();
        long id;
        await using (var scope = app.Scope())
        {
            id = await ReviewServiceTests.AddPersonAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), "Yousif", "Kassab", null, "A012345678");
        }

        var fields = new Dictionary<string, string> { ["Input.Ids"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Kind"] = "Export" };
        var intake = await app.SignedInAsync("intake");

        var bulkPage = await intake.GetStringAsync("/Bulk");
        var bulkPreview = await TestApp.PostFormAsync(intake, "/Bulk", "/Bulk?handler=Preview", fields);
        var bulkExport = await TestApp.PostFormAsync(intake, "/Bulk", "/Bulk?handler=Apply", fields);
        var reports = await intake.GetAsync("/Reports?handler=People&format=Csv");

        Assert.DoesNotContain("Export (CSV)", bulkPage, StringComparison.Ordinal);
        foreach (var refused in new[] { bulkPreview, bulkExport, reports })
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Account/Denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(Permissions.RolesFor(Permissions.Export), Roles.All.Where(r => r != Roles.Intake));
        var attorney = await app.SignedInAsync("attorney");
        var file = await TestApp.PostFormAsync(attorney, "/Bulk", "/Bulk?handler=Apply", fields);
        Assert.Equal("text/csv", file.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Kassab", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
