using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stayline;
using Stayline.Infrastructure;

namespace Foundation.Bench;

/// <summary>
/// The two servers under test. Each runs in its own child process (`serve baseline|stayline DB`), prints
/// "LISTENING url" and stops when its standard input closes, or after a time limit in any case.
/// </summary>
internal static class Servers
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(20);

    public static async Task<int> ServeAsync(string kind, string database)
    {
        var app = kind switch
        {
            "baseline" => BuildBaseline(database),
            "stayline" => await BuildStaylineAsync(database),
            _ => throw new ArgumentException($"Unknown server \"{kind}\"; expected baseline or stayline.", nameof(kind)),
        };
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"LISTENING {address}");
        await Task.WhenAny(Console.In.ReadToEndAsync(), Task.Delay(MaxLifetime));
        await app.StopAsync();
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>
    /// The floor: Kestrel, one route, one primary-key read over an open connection with an already prepared
    /// statement taken from a pool, a small JSON answer. No authentication, no EF Core, no audit.
    /// </summary>
    private static WebApplication BuildBaseline(string database)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var pool = new ReaderPool(new SqliteConnectionStringBuilder { DataSource = database, Pooling = true }.ToString());
        app.MapGet("/people/{id:long}", (long id) => pool.Read(id) is { } p ? Results.Ok(p) : Results.NotFound());
        return app;
    }

    /// <summary>The real application, composed exactly as `stayline serve` composes it.</summary>
    private static async Task<WebApplication> BuildStaylineAsync(string database)
    {
        var builder = StaylineApp.CreateBuilder(database);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = StaylineApp.Build(builder);
        await DatabaseSetup.EnsureReadyAsync(app.Services, migrate: false);
        return app;
    }

    internal sealed record BarePerson(long Id, string? ANumber, string GivenName, string FamilyName, string? BirthDate, string CustodyStatus,
        long? CurrentFacilityId, int Version);

    private sealed class ReaderPool(string connectionString)
    {
        private readonly ConcurrentBag<SqliteCommand> _idle = [];

        public BarePerson? Read(long id)
        {
            if (!_idle.TryTake(out var cmd))
            {
                var conn = new SqliteConnection(connectionString);
                conn.Open();
                cmd = conn.CreateCommand();
                cmd.CommandText = """
                    SELECT Id, ANumber, GivenName, FamilyName, BirthDate, CustodyStatus, CurrentFacilityId, Version
                    FROM people WHERE Id = $id
                    """;
                cmd.Parameters.Add(new SqliteParameter("$id", SqliteType.Integer));
                cmd.Prepare();
            }

            try
            {
                cmd.Parameters[0].Value = id;
                using var r = cmd.ExecuteReader();
                return r.Read()
                    ? new BarePerson(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3),
                        r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetInt64(6), r.GetInt32(7))
                    : null;
            }
            finally
            {
                _idle.Add(cmd);
            }
        }
    }
}

/// <summary>A server child process, started by the parent and stopped by closing its standard input.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    public Uri Address { get; }

    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public static async Task<ServerProcess> StartAsync(string kind, string database)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        foreach (var a in new[] { "serve", kind, database })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                // Keep draining so that the child never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new ServerProcess(process, new Uri(line["LISTENING ".Length..].Trim()));
            }
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The {kind} server exited ({process.ExitCode}) before listening."));
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
