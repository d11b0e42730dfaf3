using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.Records;
using Stayline.Tests.Features.Protection;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Records;

public class RecordsPagesTests
{
    [Fact]
    public async Task RecordsForm_RequestThenProduce_ShowsOnThePersonPageAndLeavesTheQueue()
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2026-12-04"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        var attorney = await app.SignedInAsync("attorney");
        var add = $"/Records/Edit?personId={id}";

        var refused = await TestApp.PostFormAsync(attorney, add, add, new Dictionary<string, string>
        {
            ["Input.Kind"] = "AFile",
            ["Input.Channel"] = "Ecas",
            ["Input.Agency"] = "Eoir",
            ["Input.RequestedOn"] = "2026-11-02",
            ["Input.UnusualCircumstances"] = "true",
            ["Input.Status"] = "Requested",
            ["Input.Version"] = "0",
            ["PersonId"] = id.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("is a FOIA rule", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var saved = await TestApp.PostFormAsync(attorney, add, add, new Dictionary<string, string>
        {
            ["Input.Kind"] = "AFile",
            ["Input.Channel"] = "Foia",
            ["Input.Agency"] = "Uscis",
            ["Input.RequestedOn"] = "2026-11-02",
            ["Input.TrackingNumber"] = "NRC2026123456",
            ["Input.Status"] = "Acknowledged",
            ["Input.Version"] = "0",
            ["PersonId"] = id.ToString(CultureInfo.InvariantCulture),
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var page = WebUtility.HtmlDecode(await attorney.GetStringAsync($"/People/Details?id={id}"));
        // 2026-11-02 (Mon): 20 working days, skipping Veterans Day (Wed 11-11) and Thanksgiving (Thu 11-26): Wed 2026-12-02.
        Assert.Contains("NRC2026123456", page, StringComparison.Ordinal);
        Assert.Contains("2026-12-02", page, StringComparison.Ordinal);
        var queue = WebUtility.HtmlDecode(await (await app.SignedInAsync("viewer")).GetStringAsync("/Records"));
        Assert.Contains("Records outstanding (1)", queue, StringComparison.Ordinal);
        Assert.Contains("(passed)", queue, StringComparison.Ordinal);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var request = await db.RecordsRequests.AsNoTracking().SingleAsync();
        var edit = $"/Records/Edit?id={request.Id}";
        var produced = await TestApp.PostFormAsync(attorney, edit, edit, new Dictionary<string, string>
        {
            ["Input.Kind"] = "AFile",
            ["Input.Channel"] = "Foia",
            ["Input.Agency"] = "Uscis",
            ["Input.RequestedOn"] = "2026-11-02",
            ["Input.Status"] = "Produced",
            ["Input.ProducedOn"] = "2026-12-03",
            ["Input.Version"] = request.Version.ToString(CultureInfo.InvariantCulture),
            ["Id"] = request.Id.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, produced.StatusCode);
        Assert.Equal(new DateOnly(2026, 12, 3), (await db.PersonEvents.AsNoTracking().SingleAsync(e => e.PersonId == id && e.Kind == PersonEventKind.AFileReceived)).On);
        Assert.Contains("Records outstanding (0)", WebUtility.HtmlDecode(await attorney.GetStringAsync("/Records")), StringComparison.Ordinal);
        Assert.Equal(RecordsStatus.Produced, (await db.RecordsRequests.AsNoTracking().SingleAsync()).Status);
    }

    [Fact]
    public async Task ReliefForm_WithAConviction_CautionsAndSavesTheGrounds()
    {
        await using var app = await TestApp.StartAsync(clock: TestClock.At("2026-12-04"));
        var b = new CaseBuilder(app);
        var id = await b.PersonAsync("A012345678");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            db.Convictions.Add(Conviction.Create(id, "Assault", new DateOnly(2009, 4, 1), null, true, new DateOnly(2026, 12, 3)).Conviction!);
            await db.SaveChangesAsync();
        }

        var attorney = await app.SignedInAsync("attorney");
        var add = $"/Relief/Edit?personId={id}";
        Assert.Contains("bars asylum", WebUtility.HtmlDecode(await attorney.GetStringAsync(add)), StringComparison.Ordinal);
        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.Kind", "Asylum"), new("Input.Grounds", "Religion"), new("Input.Grounds", "ParticularSocialGroup"),
            new("Input.Basis", "Chaldean Christian"), new("Input.Country", "Iraq"), new("Input.Status", "Contemplated"), new("Input.Version", "0"),
            new("PersonId", id.ToString(CultureInfo.InvariantCulture)),
        };
        var saved = await TestApp.PostFormAsync(attorney, add, add, form);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        // Names and free text are isolated for right-to-left pages (bdi); the words read the same.
        var page = WebUtility.HtmlDecode(await attorney.GetStringAsync($"/People/Details?id={id}")).Replace("<bdi>", "", StringComparison.Ordinal)
            .Replace("</bdi>", "", StringComparison.Ordinal);
        Assert.Contains("Religion, Particular social group: Chaldean Christian (Iraq)", page, StringComparison.Ordinal);
    }
}
