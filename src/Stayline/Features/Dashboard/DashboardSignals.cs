using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.People;

namespace Stayline.Features.Dashboard;

/// <summary>
/// Dashboard figures that come from derived deadline and protection storage. Null means "not available":
/// the page then says so instead of showing a zero that would look like good news.
/// </summary>
public interface IDashboardSignals
{
    /// <summary>People per protection state (e.g. "Protected", "Not protected", "Unknown").</summary>
    Task<IReadOnlyList<ChartItem>?> ProtectionAsync(CancellationToken ct);

    /// <summary>Open deadlines per week, for <paramref name="weeks"/> weeks from the Monday of <paramref name="today"/>'s week.</summary>
    Task<IReadOnlyList<ChartItem>?> DeadlinesByWeekAsync(DateOnly today, int weeks, CancellationToken ct);

    /// <summary>Ids of detained people who are not protected from removal today.</summary>
    Task<IReadOnlyList<long>?> UnprotectedAsync(CancellationToken ct);
}

public static class DashboardRegistration
{
    public static IHostApplicationBuilder AddStaylineDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDashboardSignals, StoredDashboardSignals>();
        return builder;
    }
}

/// <summary>Reads the stored results of the protection and deadline recompute (person_protection, person_deadlines).</summary>
internal sealed class StoredDashboardSignals(StaylineDbContext db) : IDashboardSignals
{
    private static readonly (string State, string Label)[] States =
        [("NotProtected", "Not protected"), ("Unknown", "Unknown — check"), ("Protected", "Protected")];

    public async Task<IReadOnlyList<ChartItem>?> ProtectionAsync(CancellationToken ct)
    {
        var counts = await db.Protections.AsNoTracking().GroupBy(p => p.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return States.Select(s => new ChartItem(s.Label, counts.FirstOrDefault(c => c.Key == s.State)?.Count ?? 0, $"/Protection?state={s.State}")).ToList();
    }

    public async Task<IReadOnlyList<ChartItem>?> DeadlinesByWeekAsync(DateOnly today, int weeks, CancellationToken ct)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var end = monday.AddDays(7 * weeks);
        var due = await db.Deadlines.AsNoTracking().Where(d => d.State == "Open" && d.DueDate >= monday && d.DueDate < end)
            .GroupBy(d => d.DueDate).Select(g => new { Day = g.Key!.Value, Count = g.Count() }).ToListAsync(ct);
        return Enumerable.Range(0, weeks).Select(w =>
        {
            var start = monday.AddDays(7 * w);
            var count = due.Where(d => d.Day >= start && d.Day < start.AddDays(7)).Sum(d => d.Count);
            return new ChartItem(start.ToString("MMM d", Infrastructure.Localization.CultureOf(Infrastructure.Localization.Current)), count, "/Deadlines?mine=false");
        }).ToList();
    }

    public async Task<IReadOnlyList<long>?> UnprotectedAsync(CancellationToken ct) =>
        await db.Protections.AsNoTracking().Where(p => p.State == "NotProtected")
            .Join(db.People.Where(p => p.CustodyStatus == CustodyStatus.Detained), pr => pr.PersonId, p => p.Id, (pr, p) => p.Id)
            .ToListAsync(ct);
}
