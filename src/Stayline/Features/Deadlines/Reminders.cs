using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Deadlines;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Deadlines;

/// <summary>Settings under Stayline:Reminders and Stayline:Smtp.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Stayline:Reminders";

    /// <summary>Days before a due date to remind; each threshold is sent once per deadline and attorney.</summary>
    public int[] DaysBefore { get; set; } = [7, 1];

    /// <summary>Where messages go when no SMTP host is set (default: an "outbox" folder beside the SQLite file, else ./stayline-data/outbox).</summary>
    public string? OutboxFolder { get; set; }

    /// <summary>Run the hourly sender in the web server.</summary>
    public bool Enabled { get; set; } = true;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "stayline@localhost";
    public bool StartTls { get; set; } = true;
}

public sealed record ReminderRun(int Sent, int AlreadySent, string Via);

/// <summary>
/// Emails each attorney assigned to a person about that person's open deadlines, N days before each due date.
/// A reminder is claimed (a unique row) and committed before it is sent, so two runs or two nodes never send
/// it twice; if sending fails the claim is removed and the next run tries again.
/// </summary>
public sealed class ReminderSender(IOptions<ReminderOptions> options, IConfiguration configuration, StaylineDatabase database, TimeProvider clock)
{
    public string OutboxFolder => options.Value.OutboxFolder is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(database.SqlitePath is { } db ? Path.GetDirectoryName(db)! : Path.GetFullPath("stayline-data"), "outbox");

    private SmtpOptions Smtp => configuration.GetSection("Stayline:Smtp").Get<SmtpOptions>() ?? new SmtpOptions();

    public async Task<ReminderRun> SendDueAsync(StaylineDbContext db, CancellationToken ct)
    {
        var today = clock.Today();
        var thresholds = options.Value.DaysBefore.Where(d => d >= 0).Distinct().Order().ToArray();
        if (thresholds.Length == 0)
        {
            return new ReminderRun(0, 0, "none");
        }

        var horizon = today.AddDays(thresholds[^1]);
        var open = nameof(DeadlineState.Open);
        var candidates = await DeadlineQueries.Rows(db).Where(d => d.State == open && d.DueDate != null && d.DueDate >= today && d.DueDate <= horizon)
            .Join(db.Assignments.Where(a => a.To == null), d => d.PersonId, a => a.PersonId, (d, a) => new { Deadline = d, a.UserId })
            .Join(db.Users.Where(u => u.Email != null), x => x.UserId, u => u.Id, (x, u) => new { x.Deadline, x.UserId, u.Email, u.DisplayName, u.UiLanguage })
            .ToListAsync(ct);
        var describer = await DeadlineDescriber.CreateAsync(db, ct);
        var smtp = Smtp;
        var via = string.IsNullOrWhiteSpace(smtp.Host) ? "outbox" : "smtp";
        var readers = new Organisations.PersonReaders(db);
        int sent = 0, already = 0;
        foreach (var c in candidates)
        {
            if (!await readers.SeesAsync(c.UserId, c.Deadline.PersonId, ct))
            {
                continue; // still assigned, but the person is no longer shared with the attorney's organisation
            }

            var daysLeft = c.Deadline.DueDate!.Value.DayNumber - today.DayNumber;
            // The most urgent threshold reached: after a pause the attorney gets one message, not one per missed threshold.
            var threshold = thresholds.First(t => daysLeft <= t);
            var claim = new DeadlineReminder
            {
                UserId = c.UserId,
                PersonId = c.Deadline.PersonId,
                RuleId = c.Deadline.RuleId + (c.Deadline.CourtOrderId is { } o ? ":" + o.ToString(CultureInfo.InvariantCulture) : ""),
                DueDate = c.Deadline.DueDate.Value,
                DaysBefore = threshold,
                SentAt = clock.GetUtcNow(),
                Via = via,
            };
            if (await db.DeadlineReminders.AnyAsync(r => r.UserId == claim.UserId && r.PersonId == claim.PersonId && r.RuleId == claim.RuleId
                && r.DueDate == claim.DueDate && r.DaysBefore <= threshold, ct))
            {
                already++;
                continue;
            }

            db.DeadlineReminders.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                already++;
                continue;
            }

            var message = Compose(describer.Describe(c.Deadline), c.Email!, c.DisplayName, Localization.Known(c.UiLanguage) ?? "en", daysLeft, smtp.From);
            try
            {
                claim.Via = await DeliverAsync(message, smtp, ct);
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (Exception ex) when (ex is IOException or SmtpCommandException or SmtpProtocolException or System.Net.Sockets.SocketException
                or AuthenticationException or UnauthorizedAccessException)
            {
                db.DeadlineReminders.Remove(claim);
                await db.SaveChangesAsync(ct);
                throw;
            }
        }

        return new ReminderRun(sent, already, via);
    }

    /// <summary>The reminder in the recipient's language (the one they chose for the pages); the deadline's own words come
    /// from the rules engine.</summary>
    private MimeMessage Compose(DeadlineView d, string email, string name, string language, int daysLeft, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(name, email));
        var due = d.Row.DueDate!.Value;
        var when = daysLeft == 0 ? Sentence.Of($"today") : daysLeft == 1 ? Sentence.Of($"tomorrow") : Sentence.Of($"in {daysLeft} days");
        string Say(Sentence s) => Sentences.In(language, s);
        // No client name in the subject: subjects show on lock screens and in mail server logs.
        message.Subject = Say(Sentence.Of($"Stayline: {d.Title} due {when} ({due:yyyy-MM-dd})"));
        message.Date = clock.GetUtcNow();
        var link = "/People/Details?id=" + d.Row.PersonId.ToString(CultureInfo.InvariantCulture);
        object aNumber = d.ANumberDisplay is { } shown ? shown : Sentence.Of($"no A-number");
        message.Body = new TextPart("plain")
        {
            Text = string.Join('\n',
                Say(Sentence.Of($"{d.Title} for {d.Row.PersonName} ({aNumber}) is due {due:yyyy-MM-dd} ({when}).")),
                "",
                Say(Sentence.Of($"Counted from: {d.TriggerText}")),
                Say(Sentence.Of($"Why this date: {d.Explanation}")),
                Say(Sentence.Of($"Citation: {d.Row.Citation}")),
                "",
                Say(Sentence.Of($"Open the file: {link}")),
                Say(Sentence.Of($"You receive this because you are assigned to this person in Stayline."))),
        };
        return message;
    }

    /// <summary>Sends a message the way reminders go (SMTP when a host is set, else the outbox folder), from the configured sender; returns how.</summary>
    public Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = Smtp;
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.Date = clock.GetUtcNow();
        return DeliverAsync(message, smtp, ct);
    }

    private async Task<string> DeliverAsync(MimeMessage message, SmtpOptions smtp, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            Directory.CreateDirectory(OutboxFolder);
            var file = Path.Combine(OutboxFolder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, ct);
            return "outbox:" + Path.GetFileName(file);
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        return "smtp";
    }

    /// <summary>Messages in the outbox, newest first: file name, date, recipient, subject.</summary>
    public IReadOnlyList<(string File, DateTimeOffset Date, string To, string Subject)> Outbox()
    {
        if (!Directory.Exists(OutboxFolder))
        {
            return [];
        }

        return Directory.GetFiles(OutboxFolder, "*.eml").Select(f =>
        {
            var m = MimeMessage.Load(f);
            return (Path.GetFileName(f), m.Date, m.To.ToString(), m.Subject ?? "");
        }).OrderByDescending(x => x.Date).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>The text of one outbox message; null when the name is not a message in the outbox.</summary>
    public string? ReadOutbox(string file)
    {
        if (file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || !file.EndsWith(".eml", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(OutboxFolder, file);
        return File.Exists(path) ? MimeMessage.Load(path).TextBody : null;
    }
}

/// <summary>Sends due reminders every hour while the web server runs (Stayline:Reminders:Enabled).</summary>
internal sealed class ReminderService(IServiceScopeFactory scopes, ReminderSender sender, IOptions<ReminderOptions> options, TimeProvider clock,
    ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            // Let the daily recompute run first after a start.
            await Task.Delay(TimeSpan.FromMinutes(2), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var run = await sender.SendDueAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), stoppingToken);
                    if (run.Sent > 0)
                    {
                        logger.LogInformation("Sent {Count} deadline reminders via {Via}.", run.Sent, run.Via);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Sending reminders failed; the next run tries again.");
                }

                await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
