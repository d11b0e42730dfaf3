using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Protection;
using Stayline.Features.Protection;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Classes;

public class ClassOrderPageTests
{
    [Fact]
    public async Task RecordOrder_TypedTermsForm_StoresTermsAndProtectsEveryMember()
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2017-07-25"));
        var b = new CaseBuilder(app);
        long[] ids = [await b.PersonAsync("A012345678"), await b.PersonAsync("A087654321", "Sami", "Toma")];
        foreach (var id in ids)
        {
            await b.RemovalOrderAsync(id, "1998-03-12");
        }

        var classId = await b.ClassAsync(ids);
        var web = await app.SignedInAsync("admin");

        var response = await TestApp.PostFormAsync(web, $"/Classes/RecordOrder?classId={classId}", $"/Classes/RecordOrder?classId={classId}",
            new Dictionary<string, string>
            {
                ["Title"] = "Opinion and order granting a preliminary injunction",
                ["IssuedOn"] = "2017-07-24",
                ["MotionPeriodDays"] = "90",
                ["WhileMotionPending"] = "true",
                ["ThroughBoardAppealPeriod"] = "false",
                ["WhileBoardAppealPending"] = "true",
                ["ThroughPetitionPeriod"] = "false",
                ["WhilePetitionStayMotionPending"] = "true",
            });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var terms = FactsReader.ReadTerms<ClassStayTerms>((await db.CourtOrders.SingleAsync()).TermsJson);
        Assert.Equal(new ClassStayTerms(90) { ThroughBoardAppealPeriod = false, ThroughPetitionPeriod = false }, terms);
        Assert.Equal([nameof(ProtectionState.Protected), nameof(ProtectionState.Protected)],
            await db.Protections.OrderBy(p => p.PersonId).Select(p => p.State).ToListAsync());
        var page = await web.GetStringAsync($"/Classes/Details?id={classId}");
        Assert.Contains("stay continues while the motion is pending, while a timely Board appeal is pending", page);
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("attorney")]
    public async Task RecordOrder_NotAdmin_IsRefused(string role)
    {
        await using var app = await TestApp.StartAsync();
        var web = await app.SignedInAsync(role);

        var response = await web.GetAsync("/Classes/RecordOrder?classId=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Denied", response.Headers.Location!.ToString());
    }
}
