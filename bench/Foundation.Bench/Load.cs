using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Foundation.Bench;

/// <param name="ServerCpuMicroseconds">Processor time (user + system) the server process spent per measured request:
/// unlike wall-clock numbers, hardly affected by other jobs on a shared machine.</param>
internal sealed record LoadResult(double RequestsPerSecond, Latency Latency, long Errors, double ServerCpuMicroseconds = double.NaN);

/// <summary>Latency percentiles in milliseconds.</summary>
internal sealed record Latency(double P50, double P95, double P99, double Max, int Count)
{
    public static Latency Of(List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return new Latency(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        ticks.Sort();
        double At(double q) => Ms(ticks[Math.Min(ticks.Count - 1, (int)Math.Ceiling(q * ticks.Count) - 1)]);
        return new Latency(At(0.50), At(0.95), At(0.99), Ms(ticks[^1]), ticks.Count);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50:F2} ms, p95 {P95:F2} ms, p99 {P99:F2} ms, max {Max:F1} ms (n={Count:N0})");
}

/// <summary>
/// Closed-loop load: N workers, each sending its next request as soon as the previous answer is read, over
/// keep-alive connections (one per worker). Requests started during the warm-up are not counted.
/// </summary>
internal static class Load
{
    public static HttpClient Client(Uri address, int connections, string? token)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <param name="rate">When set, open loop: requests are sent on a fixed schedule of this many per second (spread over
    /// the workers) and each latency counts from the scheduled time, so a server that falls behind is not flattered.</param>
    public static async Task<LoadResult> RunAsync(Uri address, string pathPrefix, string? token, long maxId, int workers,
        TimeSpan warmUp, TimeSpan duration, int seed, double? rate = null)
    {
        using var client = Client(address, workers, token);
        var clock = Stopwatch.StartNew();
        var measureFrom = (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var samples = new List<long>[workers];
        var errors = new long[workers];
        var lastEnd = new long[workers];
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var rng = new Random(seed * 1000 + w);
            var mine = samples[w] = new List<long>(1 << 16);
            for (long k = 0; ; k++)
            {
                var start = clock.ElapsedTicks;
                if (rate is { } perSecond)
                {
                    var due = (long)((k * workers + w) / perSecond * Stopwatch.Frequency);
                    if (due > start)
                    {
                        await Task.Delay(TimeSpan.FromSeconds((due - start) / (double)Stopwatch.Frequency));
                    }

                    start = due;
                }

                if (start >= stopAt)
                {
                    break;
                }

                var id = rng.NextInt64(1, maxId + 1);
                using var response = await client.GetAsync(pathPrefix + id.ToString(CultureInfo.InvariantCulture), HttpCompletionOption.ResponseContentRead);
                var end = clock.ElapsedTicks;
                if (start < measureFrom)
                {
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    errors[w]++;
                }

                mine.Add(end - start);
                lastEnd[w] = end;
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var all = samples.SelectMany(s => s).ToList();
        var seconds = (lastEnd.Max() - measureFrom) / (double)Stopwatch.Frequency;
        return new LoadResult(all.Count / seconds, Latency.Of(all), errors.Sum());
    }

    /// <summary>One request after another, on one connection; returns the latency of each and checks the status.</summary>
    public static async Task<List<long>> SequentialAsync(HttpClient client, IEnumerable<string> paths, Action<string>? onBody = null)
    {
        var ticks = new List<long>();
        foreach (var path in paths)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsStringAsync();
            ticks.Add(Stopwatch.GetTimestamp() - start);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
            }

            onBody?.Invoke(body);
        }

        return ticks;
    }
}
