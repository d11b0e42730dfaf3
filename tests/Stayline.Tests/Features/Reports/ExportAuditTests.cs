using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Reports;

public class ExportAuditTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cli_StatusAndPeopleExports_RecordOneExportRowPerPersonInTheFile(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ids = await StatusScenario.SeedAsync(app);
        var folder = Directory.CreateTempSubdirectory("stayline-export-audit-").FullName;
        var cls = ids.ClassId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var status = await StatusReportTests.Run("report", "status", "--class", cls, "--since", "2017-07-01", "--out", Path.Combine(folder, "s.xlsx"), "--db", app.Database.ConnectionString);
        var people = await StatusReportTests.Run("report", "people", "--out", Path.Combine(folder, "p.csv"), "--db", app.Database.ConnectionString);

        Assert.True(status.Rc == 0, status.Error);
        Assert.True(people.Rc == 0, people.Error);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var members = await db.ClassMemberships.Where(m => m.ClassActionId == ids.ClassId).Select(m => m.PersonId).Distinct().OrderBy(id => id).ToListAsync();
        var everyone = await db.People.Select(p => p.Id).OrderBy(id => id).ToListAsync();
        var rows = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "export" && e.EntityType == "Person").ToListAsync();
        Assert.All(rows, r => Assert.StartsWith("cli:", r.UserName, StringComparison.Ordinal));
        Assert.Equal(members, rows.Where(r => r.After!.Contains("report status", StringComparison.Ordinal)).Select(r => r.PersonId!.Value).Order());
        Assert.Equal(everyone, rows.Where(r => r.After!.Contains("report people", StringComparison.Ordinal)).Select(r => r.PersonId!.Value).Order());
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "export" && e.EntityType == "StatusReport"));
    }
}
