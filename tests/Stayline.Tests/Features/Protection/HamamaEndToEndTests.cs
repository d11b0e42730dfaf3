using System.Net.Http.Json;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Protection;
using Stayline.Features.Classes;
using Stayline.Features.Protection;
using Stayline.Tests.Infrastructure;
using static Stayline.Tests.Infrastructure.TestClock;

namespace Stayline.Tests.Features.Protection;

/// <summary>
/// A Hamama-like class member followed through the API, day by day, on each database. Dates worked by hand on the
/// federal calendar (5 U.S.C. 6103(a)):
/// ROP 2017-09-25 (after the A-file): +90 = Sun 2017-12-24, Mon 12-25 Christmas: motion due Tue 2017-12-26.
/// Motion denied Fri 2018-01-19: +30 = Sun 02-18, Mon 02-19 Washington's Birthday: Board appeal due Tue 2018-02-20.
/// Board dismissed Fri 2018-06-29: +30 = Sun 07-29: petition for review due Mon 2018-07-30.
/// </summary>
public class HamamaEndToEndTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClassMember_FromArrestToStayDenied_StoredProtectionAndDeadlinesFollowEachWrite(string provider)
    {
        var clock = TestClock.At("2017-06-12");
        await using var app = await TestApp.StartAsync(provider, clock);
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        Assert.Equal(ProtectionState.Unknown, (await b.ProtectionAsync(id)).State); // no removal order recorded yet

        await b.RemovalOrderAsync(id, "1998-03-12");
        await b.EventAsync(id, PersonEventKind.Arrested, "2017-06-11");
        var p = await b.ProtectionAsync(id);
        Assert.Equal(ProtectionState.NotProtected, p.State);
        Assert.Contains(p.Reasons, r => r.Code == nameof(ReasonCode.AppealPeriodExpired));

        clock.MoveTo("2017-07-24");
        var classId = await b.ClassAsync(id);
        var order = await b.Api.PostAsJsonAsync($"/api/v1/classes/{classId}/orders",
            new ClassOrderWrite("Opinion and order granting a preliminary injunction", "E.D. Mich.", "2:17-cv-11910", D("2017-07-24"), 90));
        Assert.Equal(System.Net.HttpStatusCode.Created, order.StatusCode);
        p = await b.ProtectionAsync(id);
        Assert.Equal((ProtectionState.Protected, nameof(ProtectionSource.ClassOrderStay), nameof(UntilEvent.FilesReceived)), (p.State, p.PrimarySource, p.UntilEvent));
        var classDeadline = Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "class-mtr");
        Assert.Null(classDeadline.DueDate);
        Assert.Contains("Not yet triggered", classDeadline.Explanation);

        clock.MoveTo("2017-09-25");
        await b.EventAsync(id, PersonEventKind.AFileReceived, "2017-08-14");
        await b.EventAsync(id, PersonEventKind.RecordOfProceedingsReceived, "2017-09-25");
        p = await b.ProtectionAsync(id);
        Assert.Equal((ProtectionState.Protected, D("2017-12-26")), (p.State, p.UntilDate!.Value));
        classDeadline = Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "class-mtr");
        Assert.Equal((D("2017-12-26"), "Open"), (classDeadline.DueDate!.Value, classDeadline.State));
        Assert.Contains("2017-12-25 is Christmas Day", classDeadline.Explanation);
        Assert.Contains("Hamama v. Adducci", classDeadline.Citation);

        // Nothing is written, but the date moves: the stored result is recomputed on read.
        clock.MoveTo("2017-12-20");
        Assert.True((await b.ProtectionAsync(id)).EndsWithin7Days);

        // The motion filed on 2017-11-06 is recorded on 2017-12-20 (the clock only moves forward).
        var motion = await b.MatterAsync(id, MatterKind.MotionToReopenIj, "2017-11-06");
        p = await b.ProtectionAsync(id);
        Assert.Equal((ProtectionState.Protected, nameof(UntilEvent.JudgeDecidesMotion)), (p.State, p.UntilEvent));
        Assert.Equal("Met", Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "class-mtr").State);

        clock.MoveTo("2018-01-19");
        await b.DecideAsync(motion, MatterStatus.Denied, "2018-01-19");
        p = await b.ProtectionAsync(id);
        Assert.Equal((ProtectionState.Protected, D("2018-02-20")), (p.State, p.UntilDate!.Value));
        var appealDeadline = Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "bia-appeal");
        Assert.Equal((D("2018-02-20"), "Open", "8 CFR 1003.38(b),(c)"), (appealDeadline.DueDate!.Value, appealDeadline.State, appealDeadline.Citation));

        clock.MoveTo("2018-02-16");
        var appeal = await b.MatterAsync(id, MatterKind.BiaAppeal, "2018-02-16");
        Assert.Equal(nameof(UntilEvent.BoardDecidesAppeal), (await b.ProtectionAsync(id)).UntilEvent);
        Assert.Equal("Met", Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "bia-appeal").State);

        clock.MoveTo("2018-06-29");
        await b.DecideAsync(appeal, MatterStatus.Denied, "2018-06-29");
        Assert.Equal(D("2018-07-30"), (await b.ProtectionAsync(id)).UntilDate);
        Assert.Equal(D("2018-07-30"), Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "pfr").DueDate);

        clock.MoveTo("2018-07-20");
        var petition = await b.MatterAsync(id, MatterKind.PetitionForReview, "2018-07-20", stay: true);
        Assert.Equal(nameof(UntilEvent.CourtDecidesStayMotion), (await b.ProtectionAsync(id)).UntilEvent);

        clock.MoveTo("2018-08-15");
        var denied = await b.Api.PutAsJsonAsync($"/api/v1/matters/{petition}/stay", new StayDecisionWrite(StayMotionOutcome.Denied, D("2018-08-15")));
        denied.EnsureSuccessStatusCode();
        p = await b.ProtectionAsync(id);
        Assert.Equal(ProtectionState.NotProtected, p.State);
        Assert.Contains(p.Reasons, r => r.Code == nameof(ReasonCode.ClassStayDenied) && r.Citation.Contains("Hamama", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClassMember_NoMotionByDeadline_NotProtectedTheDayAfterWithoutAnyWrite()
    {
        var clock = TestClock.At("2017-09-25");
        await using var app = await TestApp.StartAsync(clock: clock);
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await b.RemovalOrderAsync(id, "1998-03-12");
        var classId = await b.ClassAsync(id);
        (await b.Api.PostAsJsonAsync($"/api/v1/classes/{classId}/orders", new ClassOrderWrite("Order", null, null, D("2017-07-24"), 90))).EnsureSuccessStatusCode();
        await b.EventAsync(id, PersonEventKind.AFileReceived, "2017-08-14");
        await b.EventAsync(id, PersonEventKind.RecordOfProceedingsReceived, "2017-09-25");

        clock.MoveTo("2017-12-26");
        Assert.Equal(ProtectionState.Protected, (await b.ProtectionAsync(id)).State);
        clock.MoveTo("2017-12-27");
        var p = await b.ProtectionAsync(id);

        Assert.Equal(ProtectionState.NotProtected, p.State);
        Assert.Contains(p.Reasons, r => r.Code == nameof(ReasonCode.ClassNoMotionByDeadline));
        Assert.Equal("Missed", Assert.Single(await b.DeadlinesAsync(id), d => d.RuleId == "class-mtr").State);
    }
}
