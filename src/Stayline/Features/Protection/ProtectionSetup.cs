using Stayline.Data;
using Stayline.Infrastructure;

namespace Stayline.Features.Protection;

public static class ProtectionSetup
{
    /// <summary>Derived protection and deadlines: the save hook's recompute and the daily recompute.</summary>
    public static IHostApplicationBuilder AddStaylineProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProtectionRecompute>();
        builder.Services.AddSingleton<IFactsChangedHandler>(sp => sp.GetRequiredService<ProtectionRecompute>());
        builder.Services.AddHostedService<DailyRecomputeService>();
        return builder;
    }
}

/// <summary>
/// Protection changes with the date (an appeal period runs out at midnight): at start and after each midnight,
/// recompute everyone whose stored result answers for an earlier day. Pages also recompute a stale person on read.
/// </summary>
internal sealed class DailyRecomputeService(IServiceScopeFactory scopes, ProtectionRecompute recompute, TimeProvider clock, ILogger<DailyRecomputeService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
                var stats = await recompute.RecomputeStaleAsync(db, clock.Today(), stoppingToken);
                if (stats.People > 0)
                {
                    logger.LogInformation("Recomputed protection and deadlines of {People} people ({Deadlines} deadlines).", stats.People, stats.Deadlines);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Daily recompute failed; it will be tried again.");
            }

            var now = clock.GetLocalNow();
            var nextMidnight = now.Date.AddDays(1).AddMinutes(1);
            var wait = nextMidnight - now.DateTime;
            try
            {
                await Task.Delay(wait < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
