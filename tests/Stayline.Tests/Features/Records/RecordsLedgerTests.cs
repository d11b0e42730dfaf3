using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Records;
using Stayline.Features.Classes;
using Stayline.Features.Records;
using Stayline.Features.Reports;
using Stayline.Tests.Features.People;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Records;

/// <summary>
/// The records ledger in a Hamama-like class, through the API on each database. The order of 2017-07-24 sets a 90-day
/// motion clock from receipt of both the A-file and the record of proceedings, and requires production by 2017-08-21.
/// Worked by hand:
/// Member 1: A-file 2017-08-14, ROP 2017-08-18: +90 = Thu 2017-11-16.
/// Member 2: A-file 2017-08-14, ROP first recorded 2017-08-18 (2017-11-16), corrected to 2017-09-25: +90 = Sun 12-24,
///   Mon 12-25 Christmas: Tue 2017-12-26; 35 days after the ordered date.
/// Member 3: nothing produced; on 2017-09-30 both files are 40 days overdue and no motion date runs.
/// </summary>
public class RecordsLedgerTests
{
    private static RecordsRequestWrite Write(RecordKind kind, RecordsAgency agency, RecordsStatus status = RecordsStatus.Requested, string? producedOn = null) =>
        new(kind, RecordsChannel.CourtOrder, agency, D("2017-07-25"), status, ProducedOn: producedOn is null ? null : D(producedOn));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Hamama_LateProductionMovesTheMotionDate_AndTheReportSaysWhoIsOwed(string provider)
    {
        var clock = TestClock.At("2017-09-30");
        await using var app = await TestApp.StartAsync(provider, clock);
        var b = new CaseBuilder(app);
        long[] ids = [await b.PersonAsync("A012345678"), await b.PersonAsync("A087654321", "Sami", "Toma"), await b.PersonAsync("A023456789", "Nadia", "Yono")];
        foreach (var id in ids)
        {
            await b.RemovalOrderAsync(id, "1998-03-12");
        }

        var classId = await b.ClassAsync(ids);
        (await b.Api.PostAsJsonAsync($"/api/v1/classes/{classId}/orders",
            new ClassOrderWrite("Order", null, null, D("2017-07-24"), 90, RecordsDueOn: D("2017-08-21")))).EnsureSuccessStatusCode();

        var requests = new Dictionary<(long, RecordKind), RecordsRequestDto>();
        foreach (var id in ids)
        {
            foreach (var (kind, agency) in new[] { (RecordKind.AFile, RecordsAgency.Uscis), (RecordKind.RecordOfProceedings, RecordsAgency.Eoir) })
            {
                var created = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/records-requests", Write(kind, agency), PeopleApiTests.Json);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                requests[(id, kind)] = (await created.Content.ReadFromJsonAsync<RecordsRequestDto>(PeopleApiTests.Json))!;
            }
        }

        Assert.Equal(D("2017-08-21"), requests[(ids[0], RecordKind.AFile)].CourtDue); // from the class order
        Assert.True(requests[(ids[0], RecordKind.AFile)].Noncompliant); // 2017-09-30 is past the date

        async Task<RecordsRequestDto> Produce(long id, RecordKind kind, string on)
        {
            var r = requests[(id, kind)];
            var put = await b.Api.PutAsJsonAsync($"/api/v1/records-requests/{r.Id}",
                Write(r.Kind, r.Agency, RecordsStatus.Produced, on) with { Version = r.Version }, PeopleApiTests.Json);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            return requests[(id, kind)] = (await put.Content.ReadFromJsonAsync<RecordsRequestDto>(PeopleApiTests.Json))!;
        }

        async Task<DateOnly?> MotionDue(long id) => Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "class-mtr").DueDate;

        await Produce(ids[0], RecordKind.AFile, "2017-08-14");
        await Produce(ids[0], RecordKind.RecordOfProceedings, "2017-08-18");
        await Produce(ids[1], RecordKind.AFile, "2017-08-14");
        await Produce(ids[1], RecordKind.RecordOfProceedings, "2017-08-18");
        Assert.Equal(D("2017-11-16"), await MotionDue(ids[0]));
        Assert.Equal(D("2017-11-16"), await MotionDue(ids[1]));
        Assert.Null(await MotionDue(ids[2]));

        // The record of proceedings was in fact produced late: the correction moves member 2's date, and only theirs.
        var corrected = await Produce(ids[1], RecordKind.RecordOfProceedings, "2017-09-25");
        Assert.True(corrected.Noncompliant);
        Assert.Equal(D("2017-12-26"), await MotionDue(ids[1]));
        Assert.Equal(D("2017-11-16"), await MotionDue(ids[0]));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var receipts = await db.PersonEvents.Where(e => e.PersonId == ids[1] && e.Kind == PersonEventKind.RecordOfProceedingsReceived).ToListAsync();
            Assert.Equal(D("2017-09-25"), Assert.Single(receipts).On); // the first date's receipt is gone, not left to win as the earlier one
        }

        var outstanding = await b.Api.GetFromJsonAsync<OutstandingPage>("/api/v1/records-requests/outstanding", PeopleApiTests.Json);
        Assert.Equal(2, outstanding!.Total);
        Assert.Equal(new Dictionary<RecordsAgency, int> { [RecordsAgency.Uscis] = 1, [RecordsAgency.Eoir] = 1 }, outstanding.ByAgency);
        Assert.All(outstanding.Items, i => Assert.Equal((ids[2], true), (i.Request.PersonId, i.Request.Noncompliant)));
        var eoir = await b.Api.GetFromJsonAsync<OutstandingPage>("/api/v1/records-requests/outstanding?agency=Eoir&noncompliant=true", PeopleApiTests.Json);
        Assert.Equal(RecordKind.RecordOfProceedings, Assert.Single(eoir!.Items).Request.Kind);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var report = (await StatusReport.RunAsync(db, classId, D("2017-07-24"), D("2017-09-30"), CancellationToken.None))!.Value;
            var byName = report.Rows.ToDictionary(r => r.Name, r => r.RecordsNoncompliance);
            Assert.Equal("", byName["Yousif Kassab"]);
            Assert.Equal("ROP received 2017-09-25, 35 days after the ordered date 2017-08-21", byName["Sami Toma"]);
            Assert.Equal("A-file not received; ordered by 2017-08-21, 40 days overdue; ROP not received; ordered by 2017-08-21, 40 days overdue",
                byName["Nadia Yono"]);
        }

        // Removing a request entered by mistake takes its receipt with it: the motion clock stops until the ROP is in again.
        Assert.Equal(HttpStatusCode.NoContent, (await b.Api.DeleteAsync($"/api/v1/records-requests/{requests[(ids[0], RecordKind.RecordOfProceedings)].Id}")).StatusCode);
        Assert.Null(await MotionDue(ids[0]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_BadInputStaleVersionAndViewer_AreRefusedAndNothingIsWritten(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-09-30"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");

        var bad = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/records-requests", Write(RecordKind.AFile, RecordsAgency.Uscis, RecordsStatus.Produced), PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Give the day the records were produced", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await (await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/records-requests", Write(RecordKind.AFile, RecordsAgency.Uscis), PeopleApiTests.Json))
            .Content.ReadFromJsonAsync<RecordsRequestDto>(PeopleApiTests.Json);
        var first = await b.Api.PutAsJsonAsync($"/api/v1/records-requests/{created!.Id}", Write(RecordKind.AFile, RecordsAgency.Uscis, RecordsStatus.Acknowledged)
            with
        { Version = created.Version }, PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await b.Api.PutAsJsonAsync($"/api/v1/records-requests/{created.Id}", Write(RecordKind.AFile, RecordsAgency.Uscis, RecordsStatus.Produced, "2017-09-01")
            with
        { Version = created.Version }, PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var viewer = await app.Api("viewer").PostAsJsonAsync($"/api/v1/people/{id}/records-requests", Write(RecordKind.AFile, RecordsAgency.Uscis), PeopleApiTests.Json);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync("/api/v1/people/999999/records-requests")).StatusCode);

        var list = await b.Api.GetFromJsonAsync<List<RecordsRequestDto>>($"/api/v1/people/{id}/records-requests", PeopleApiTests.Json);
        var only = Assert.Single(list!);
        Assert.Equal((RecordsStatus.Acknowledged, (DateOnly?)null), (only.Status, only.ProducedOn));
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<StaylineDbContext>().PersonEvents.AnyAsync(e => e.PersonId == id));
    }
}
