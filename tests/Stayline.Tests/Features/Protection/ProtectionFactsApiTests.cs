using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using Stayline.Features.Classes;
using Stayline.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Protection;

/// <summary>
/// Every fact the engine reads can be written through the API, and changes the answer: the motion ground, the stay
/// motion's own filing date, the withdrawal date, the decision challenged and a Board appeal accepted despite a waiver.
/// Each case runs on both databases.
/// </summary>
public class ProtectionFactsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ground_InAbsentiaMotion_DecidesStayThroughTheApi(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-06-01"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "2017-01-10", inAbsentia: true);
        var motion = await PostMatterAsync(b, id, new { kind = "MotionToReopenIj", status = "Pending", filedOn = "2017-03-01" });

        var unknown = await b.ProtectionAsync(id);
        Assert.Equal(ProtectionState.Unknown, unknown.State);
        Assert.Contains(unknown.Reasons, r => r.Code == nameof(ReasonCode.MotionGroundMissing));

        await PutMatterAsync(b, motion, new { kind = "MotionToReopenIj", status = "Pending", filedOn = "2017-03-01", ground = "LackOfNotice" });
        var protectedNow = await b.ProtectionAsync(id);
        Assert.Equal((ProtectionState.Protected, nameof(ProtectionSource.InAbsentiaMotionStay)), (protectedNow.State, protectedNow.PrimarySource));
        Assert.Equal("LackOfNotice", (await GetMatterAsync(b, motion)).GetProperty("ground").GetString());

        await PutMatterAsync(b, motion, new { kind = "MotionToReopenIj", status = "Pending", filedOn = "2017-03-01", ground = "JointMotion" });
        var joint = await b.ProtectionAsync(id);
        Assert.Equal(ProtectionState.NotProtected, joint.State);
        Assert.Contains(joint.Reasons, r => r.Code == nameof(ReasonCode.InAbsentiaMotionGroundNoStay));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StayFiledOn_AfterThePetitionWindow_ClassStayEndsInsteadOfCountingAsFiledWithThePetition(string provider)
    {
        // Class order 2017-07-24 (90 days); ROP 2017-09-25; motion denied 2018-01-19; Board dismissed Fri 2018-06-29:
        // +30 = Sun 07-29, petition (and stay motion) due Mon 2018-07-30. Petition 2018-07-20; stay motion 2018-08-06.
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2018-08-10"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "1998-03-12");
        var classId = await b.ClassAsync(id);
        (await b.Api.PostAsJsonAsync($"/api/v1/classes/{classId}/orders", new ClassOrderWrite("Order", null, null, D("2017-07-24"), 90))).EnsureSuccessStatusCode();
        await b.EventAsync(id, PersonEventKind.AFileReceived, "2017-08-14");
        await b.EventAsync(id, PersonEventKind.RecordOfProceedingsReceived, "2017-09-25");
        await PostMatterAsync(b, id, new { kind = "MotionToReopenIj", status = "Denied", filedOn = "2017-11-06", decidedOn = "2018-01-19" });
        await PostMatterAsync(b, id, new { kind = "BiaAppeal", status = "Denied", filedOn = "2018-02-16", decidedOn = "2018-06-29" });
        var petition = await PostMatterAsync(b, id,
            new { kind = "PetitionForReview", status = "Pending", filedOn = "2018-07-20", stayRequested = true, stayFiledOn = "2018-08-06" });

        var late = await b.ProtectionAsync(id);
        Assert.Equal(ProtectionState.NotProtected, late.State);
        Assert.Contains(late.Reasons, r => r.Code == nameof(ReasonCode.ClassStayMotionLate));
        Assert.Equal("2018-08-06", (await GetMatterAsync(b, petition)).GetProperty("stayFiledOn").GetString());

        // The same petition with the stay motion filed with it keeps the class stay: the date is what decides.
        await PutMatterAsync(b, petition, new { kind = "PetitionForReview", status = "Pending", filedOn = "2018-07-20", stayRequested = true });
        var withPetition = await b.ProtectionAsync(id);
        Assert.Equal((ProtectionState.Protected, nameof(UntilEvent.CourtDecidesStayMotion)), (withPetition.State, withPetition.UntilEvent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WithdrawnOn_BoardAppeal_EndsAutomaticStayOnThatDayInsteadOfUnknown(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-05-25"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "2017-05-01");
        var appeal = await PostMatterAsync(b, id, new { kind = "BiaAppeal", status = "Withdrawn", filedOn = "2017-05-15" });
        Assert.Contains((await b.ProtectionAsync(id)).Reasons, r => r.Code == nameof(ReasonCode.WithdrawalDateMissing));

        await PutMatterAsync(b, appeal, new { kind = "BiaAppeal", status = "Withdrawn", filedOn = "2017-05-15", withdrawnOn = "2017-05-20" });
        var p = await b.ProtectionAsync(id);

        Assert.Equal(ProtectionState.NotProtected, p.State);
        Assert.Contains(p.Reasons, r => r.Code == nameof(ReasonCode.BoardAppealWithdrawn) && r.Text.Contains("2017-05-20", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AcceptedDespiteWaiver_PendingBoardAppeal_StaysRemovalAgain(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-06-15"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "2017-05-01", waived: true);
        var appeal = await PostMatterAsync(b, id, new { kind = "BiaAppeal", status = "Pending", filedOn = "2017-05-20" });
        var waived = await b.ProtectionAsync(id);
        Assert.Equal(ProtectionState.NotProtected, waived.State);
        Assert.Contains(waived.Reasons, r => r.Code == nameof(ReasonCode.AppealWaived));

        var response = await b.Api.PutAsJsonAsync($"/api/v1/matters/{appeal}/findings", new MatterFindingsWrite(null, AcceptedDespiteWaiver: true));
        response.EnsureSuccessStatusCode();
        var p = await b.ProtectionAsync(id);

        Assert.Equal((ProtectionState.Protected, nameof(ProtectionSource.BoardAppealStay)), (p.State, p.PrimarySource));
        Assert.Contains(p.Reasons, r => r.Code == nameof(ReasonCode.AppealAcceptedDespiteWaiver));
        var matter = await GetMatterAsync(b, appeal);
        Assert.True(matter.GetProperty("acceptedDespiteWaiver").GetBoolean());
        Assert.False(matter.GetProperty("stayRequested").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Challenges_OrderOfAnotherPerson_RefusedNamingTheField(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestClock.At("2017-06-15"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        var other = await b.PersonAsync("A087654321", "Sami", "Toma");
        var own = await OrderAsync(app, id, "2017-01-10");
        var foreign = await OrderAsync(app, other, "2017-01-10");

        var refused = await b.Api.PostAsJsonAsync($"/api/v1/people/{id}/matters",
            new { kind = "MotionToReopenIj", status = "Pending", filedOn = "2017-03-01", challengesOrderId = foreign });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("ChallengesOrderId", problem, StringComparison.Ordinal);
        Assert.Contains($"Removal order {foreign} is not one of this person's orders.", problem, StringComparison.Ordinal);

        var motion = await PostMatterAsync(b, id, new { kind = "MotionToReopenIj", status = "Pending", filedOn = "2017-03-01", challengesOrderId = own });
        Assert.Equal(own, (await GetMatterAsync(b, motion)).GetProperty("challengesOrderId").GetInt64());
    }

    [Theory]
    [InlineData("BiaAppeal", "ground", "\"LackOfNotice\"", "Only a motion to reopen has a ground")]
    [InlineData("BiaAppeal", "withdrawnOn", "\"2017-05-20\"", "Only a withdrawn matter has a withdrawal date")]
    [InlineData("BiaAppeal", "stayFiledOn", "\"2017-05-20\"", "needs \\\"a motion for a stay was filed\\\" ticked")]
    [InlineData("BondHearing", "challengesMatterId", "{matter}", "does not challenge a decision")]
    public async Task Facts_ThatDoNotFitTheMatter_RefusedWithMessage(string kind, string field, string value, string message)
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2017-06-15"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        var decided = await PostMatterAsync(b, id, new { kind = "MotionToReopenIj", status = "Denied", filedOn = "2017-03-01", decidedOn = "2017-04-03" });
        value = value.Replace("{matter}", decided.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var body = $"{{\"kind\":\"{kind}\",\"status\":\"Pending\",\"filedOn\":\"2017-05-15\",\"{field}\":{value}}}";

        var response = await b.Api.PostAsync($"/api/v1/people/{id}/matters", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<long> OrderAsync(TestApp app, long personId, string on)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var (order, errors) = RemovalOrder.Create(personId, D(on), Adjudicator.ImmigrationJudge, true, false, "Iraq", DateOnly.MaxValue);
        Assert.Empty(errors);
        db.RemovalOrders.Add(order!);
        await db.SaveChangesAsync();
        return order!.Id;
    }

    private static async Task<long> PostMatterAsync(CaseBuilder b, long personId, object body)
    {
        var response = await b.Api.PostAsJsonAsync($"/api/v1/people/{personId}/matters", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> GetMatterAsync(CaseBuilder b, long matterId) =>
        JsonDocument.Parse(await b.Api.GetStringAsync($"/api/v1/matters/{matterId}")).RootElement;

    /// <summary>PUT replaces the matter: the body plus the version just read.</summary>
    private static async Task PutMatterAsync(CaseBuilder b, long matterId, object body)
    {
        var version = (await GetMatterAsync(b, matterId)).GetProperty("version").GetInt32();
        var json = JsonSerializer.SerializeToNode(body)!.AsObject();
        json["version"] = version;
        var response = await b.Api.PutAsJsonAsync($"/api/v1/matters/{matterId}", json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
