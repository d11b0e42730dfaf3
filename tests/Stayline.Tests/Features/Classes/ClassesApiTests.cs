using System.Net;
using System.Net.Http.Json;
using Stayline.Domain.Protection;
using Stayline.Features.Bulk;
using Stayline.Features.Classes;
using Stayline.Features.People;
using Stayline.Tests.Features.People;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Classes;

public class ClassesApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Class_CreateOrderMembersPreviewApplyRemove_ThroughTheApi(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-07-25"));
        var b = new CaseBuilder(app);
        var kassab = await b.PersonAsync("A012345678");
        var toma = await b.PersonAsync("A087654321", "Sami", "Toma");
        await b.RemovalOrderAsync(kassab, "1998-03-12");

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api("attorney").PostAsJsonAsync("/api/v1/classes", new ClassWrite("Hamama v. Adducci", "E.D. Mich."))).StatusCode);
        var missing = await b.Api.PostAsJsonAsync("/api/v1/classes", new ClassWrite("Hamama v. Adducci", " "));
        Assert.Contains("Give the court", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var created = await b.Api.PostAsJsonAsync("/api/v1/classes", new ClassWrite("Hamama v. Adducci", "E.D. Mich.", "2:17-cv-11910"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cls = (await created.Content.ReadFromJsonAsync<ClassDto>(PeopleApiTests.Json))!;

        (await b.Api.PostAsJsonAsync($"/api/v1/classes/{cls.Id}/orders",
            new ClassOrderWrite("Preliminary injunction", null, null, D("2017-07-24"), 90, RecordsDueOn: D("2017-08-21")))).EnsureSuccessStatusCode();

        var preview = await b.Api.PostAsJsonAsync($"/api/v1/classes/{cls.Id}/members", new ClassMembersWrite([kassab], "A099999999"));
        var shown = (await preview.Content.ReadFromJsonAsync<BulkPreview>(PeopleApiTests.Json))!;
        Assert.Equal(kassab, Assert.Single(shown.Change).PersonId);
        Assert.Contains(shown.Skipped, s => s.Who == "A099999999" && s.Reason == "no person has this A-number");
        Assert.Equal(0, (await b.Api.GetFromJsonAsync<List<ClassDto>>("/api/v1/classes", PeopleApiTests.Json))!.Single().Members); // a preview writes nothing

        var applied = await b.Api.PostAsJsonAsync($"/api/v1/classes/{cls.Id}/members", new ClassMembersWrite([kassab, toma], Apply: true));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var detail = (await b.Api.GetFromJsonAsync<ClassDetailDto>($"/api/v1/classes/{cls.Id}", PeopleApiTests.Json))!;
        Assert.Equal(2, detail.Class.Members);
        var order = Assert.Single(detail.Orders);
        Assert.Equal((90, (DateOnly?)D("2017-08-21")), (order.Terms!.MotionPeriodDays, order.Terms.RecordsDueOn));
        Assert.Contains("must produce each member's A-file and record of proceedings by 2017-08-21", order.Described, StringComparison.Ordinal);
        var members = (await b.Api.GetFromJsonAsync<PeoplePage>($"/api/v1/people?classId={cls.Id}", PeopleApiTests.Json))!;
        Assert.Equal(2, members.Total);
        Assert.Equal(ProtectionState.Protected, (await b.ProtectionAsync(kassab)).State);

        Assert.Equal(HttpStatusCode.NoContent, (await b.Api.DeleteAsync($"/api/v1/classes/{cls.Id}/members/{kassab}")).StatusCode);
        Assert.Equal(ProtectionState.NotProtected, (await b.ProtectionAsync(kassab)).State);
        Assert.Equal(1, (await b.Api.GetFromJsonAsync<ClassDetailDto>($"/api/v1/classes/{cls.Id}", PeopleApiTests.Json))!.Class.Members);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.DeleteAsync($"/api/v1/classes/{cls.Id}/members/{kassab}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Api.GetAsync("/api/v1/classes/999999")).StatusCode);
    }
}
