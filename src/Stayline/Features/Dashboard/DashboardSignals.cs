namespace Stayline.Features.Dashboard;

/// <summary>
/// Dashboard figures that come from derived deadline and protection storage. Null means "not available in this
/// build": the page then says so instead of showing a zero that would look like good news.
/// </summary>
public interface IDashboardSignals
{
    /// <summary>People per protection state (e.g. "Protected", "Not protected", "Unknown").</summary>
    Task<IReadOnlyList<ChartItem>?> ProtectionAsync(CancellationToken ct);

    /// <summary>Open deadlines per week, for <paramref name="weeks"/> weeks from the Monday of <paramref name="today"/>'s week.</summary>
    Task<IReadOnlyList<ChartItem>?> DeadlinesByWeekAsync(DateOnly today, int weeks, CancellationToken ct);

    /// <summary>Ids of people who are not protected from removal today.</summary>
    Task<IReadOnlyList<long>?> UnprotectedAsync(CancellationToken ct);
}

/// <summary>Until deadline and protection storage is merged (Features/Deadlines, Features/Protection): nothing to show yet.</summary>
internal sealed class PendingDashboardSignals : IDashboardSignals
{
    public Task<IReadOnlyList<ChartItem>?> ProtectionAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<ChartItem>?>(null);

    public Task<IReadOnlyList<ChartItem>?> DeadlinesByWeekAsync(DateOnly today, int weeks, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ChartItem>?>(null);

    public Task<IReadOnlyList<long>?> UnprotectedAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<long>?>(null);
}
