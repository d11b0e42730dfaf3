using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Cli;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Domain.Work;
using Stayline.Features.People;
using Stayline.Infrastructure;
using Stayline.Tables;

namespace Stayline.Features.Reports;

/// <summary>`report status --class ID --since DATE --out FILE` and `report people --out FILE [filters]`; the format follows the extension.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var report = new Command("report", "Court-ordered status reports and people exports (CSV or XLSX)");
        report.Subcommands.Add(Status());
        report.Subcommands.Add(PeopleList());
        return report;
    }

    private static Command Status()
    {
        var classId = new Option<long>("--class") { Description = "Class action id (see /Classes)", Required = true };
        var since = new Option<string>("--since") { Description = "Date of the last report, YYYY-MM-DD (events on or after it count)", Required = true };
        var outFile = new Option<string>("--out") { Description = "Output file: .csv or .xlsx", Required = true };
        var command = new Command("status", "Status report on every class member since a date") { classId, since, outFile };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            var target = parse.GetValue(outFile)!;
            if (TableWriter.FormatOf(target) is not { } format)
            {
                await error.WriteLineAsync($"--out {target}: the file name must end in .csv or .xlsx.");
                return 1;
            }

            if (!DateOnly.TryParseExact(parse.GetValue(since), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                await error.WriteLineAsync($"--since \"{parse.GetValue(since)}\" is not a date in the form YYYY-MM-DD.");
                return 1;
            }

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var result = await StatusReport.RunAsync(db, parse.GetValue(classId), from, scope.ServiceProvider.GetRequiredService<TimeProvider>().Today(), ct2);
            if (result is not { } r)
            {
                await error.WriteLineAsync($"--class {parse.GetValue(classId)}: no class action with that id.");
                return 1;
            }

            var actor = scope.ServiceProvider.GetRequiredService<IAuditActorSource>().Current;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var classKey = parse.GetValue(classId);
            db.AuditEvents.Add(new AuditEvent(now, actor.UserId, actor.UserName, "export", "StatusReport",
                classKey.ToString(CultureInfo.InvariantCulture), null, null, $"since {from:yyyy-MM-dd}, {r.Rows.Count} members"));
            var members = await db.ClassMemberships.Where(m => m.ClassActionId == classKey).Select(m => m.PersonId).Distinct().ToListAsync(ct2);
            await AuditPeopleAsync(db, actor, now, members, $"report status --class {classKey} --since {from:yyyy-MM-dd} --out {target}", ct2);
            await File.WriteAllBytesAsync(target, TableWriter.Write(StatusReport.ToTable(r.Rows), format), ct2);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Status report for {r.Class.Name} since {from:yyyy-MM-dd}: {r.Rows.Count:N0} members, written to {target}."));
            return 0;
        }, ct: ct));
        return command;
    }

    private static Command PeopleList()
    {
        var outFile = new Option<string>("--out") { Description = "Output file: .csv or .xlsx", Required = true };
        var status = new Option<CustodyStatus?>("--status") { Description = "Only people with this custody status" };
        var facility = new Option<long?>("--facility") { Description = "Only people held at this facility id" };
        var classId = new Option<long?>("--class") { Description = "Only members of this class action id" };
        var query = new Option<string?>("--q") { Description = "Name or A-number search, as on the people list" };
        var command = new Command("people", "Export the people matching a filter (all by default)") { outFile, status, facility, classId, query };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, output, error, ct2) =>
        {
            var target = parse.GetValue(outFile)!;
            if (TableWriter.FormatOf(target) is not { } format)
            {
                await error.WriteLineAsync($"--out {target}: the file name must end in .csv or .xlsx.");
                return 1;
            }

            await using var scope = services.CreateAsyncScope();
            var filter = new PeopleFilter { Status = parse.GetValue(status), FacilityId = parse.GetValue(facility), ClassId = parse.GetValue(classId), Q = parse.GetValue(query) };
            var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
            var actor = scope.ServiceProvider.GetRequiredService<IAuditActorSource>().Current;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var (table, ids) = await PeopleExport.RunAsync(db, filter, actor, now, ct2);
            await AuditPeopleAsync(db, actor, now, ids, $"report people --out {target}", ct2);
            await File.WriteAllBytesAsync(target, TableWriter.Write(table, format), ct2);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Exported {table.Rows.Count:N0} people to {target}."));
            return 0;
        }, ct: ct));
        return command;
    }

    /// <summary>
    /// One "export" row per person in the file, as the web's exports record (PersonReads), stored before the file is
    /// written. The command line has no running read-audit writer, so the rows go through the context in chunks.
    /// </summary>
    private static async Task AuditPeopleAsync(StaylineDbContext db, AuditActor actor, DateTimeOffset now, IReadOnlyCollection<long> personIds, string what, CancellationToken ct)
    {
        what = "cli: " + what;
        foreach (var chunk in personIds.Chunk(5_000))
        {
            db.AuditEvents.AddRange(chunk.Select(id => new AuditEvent(now, actor.UserId, actor.UserName, "export", nameof(Person),
                id.ToString(CultureInfo.InvariantCulture), id, null, what)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await db.SaveChangesAsync(ct);
    }
}
