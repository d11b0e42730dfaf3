using System.Globalization;
using System.Text.Json.Serialization;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.People;
using Stayline.Domain.Work;
using Stayline.Features.Deadlines;
using Stayline.Features.Shared;

namespace Stayline.Features.Habeas;

/// <summary>An open alert as the API, the dashboard and the person's page show it: <see cref="Message"/> the stored English text,
/// <see cref="Said"/> the same text rebuilt from the alert's data for a page to say in the reader's language.</summary>
public sealed record AlertDto(long Id, string Kind, long PersonId, string PersonName, string? ANumber, string? FromDistrict, string? ToDistrict,
    bool HabeasFiledBefore, DateOnly On, DateTimeOffset At, string Message, DateTimeOffset? NotifiedAt, [property: JsonIgnore] Sentence Said)
{
    /// <summary>An alert read back from the API (its text as the English it says).</summary>
    [JsonConstructor]
    public AlertDto(long id, string kind, long personId, string personName, string? aNumber, string? fromDistrict, string? toDistrict,
        bool habeasFiledBefore, DateOnly on, DateTimeOffset at, string message, DateTimeOffset? notifiedAt)
        : this(id, kind, personId, personName, aNumber, fromDistrict, toDistrict, habeasFiledBefore, on, at, message, notifiedAt, Sentence.Verbatim(message))
    {
    }
}

/// <summary>Lists, acknowledges, escalates and emails alerts.</summary>
public sealed class AlertService(StaylineDbContext db, TimeProvider clock, IOptions<HabeasOptions> options, EscalationProgress progress)
{
    public async Task<List<AlertDto>> OpenAsync(long? personId, int take, CancellationToken ct)
    {
        var q = db.Alerts.AsNoTracking().Where(a => a.AcknowledgedAt == null);
        if (personId is { } id)
        {
            q = q.Where(a => a.PersonId == id);
        }

        var rows = await q.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(take)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { Alert = a, p.GivenName, p.FamilyName, p.ANumber })
            .ToListAsync(ct);
        var facilityIds = rows.SelectMany(r => new[] { r.Alert.FromFacilityId, r.Alert.ToFacilityId }).OfType<long>().Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return rows.Select(r => new AlertDto(r.Alert.Id, r.Alert.Kind.ToString().ToLowerInvariant(), r.Alert.PersonId, $"{r.GivenName} {r.FamilyName}".Trim(),
            ANumber.DisplayOf(r.ANumber), r.Alert.FromDistrict, r.Alert.ToDistrict, r.Alert.HabeasFiledBefore, r.Alert.On, r.Alert.RaisedAt,
            r.Alert.Message, r.Alert.NotifiedAt, Said(r.Alert, facilities, clock.LocalTimeZone))).ToList();
    }

    /// <summary>
    /// An alert's text rebuilt from its kind and data (stored alerts keep English text), so a page can say it in the reader's
    /// language: only when the rebuilt English is exactly the stored text; otherwise (an alert raised with older wording, a
    /// facility renamed since) the stored English as it is.
    /// </summary>
    public static Sentence Said(Alert alert, IReadOnlyDictionary<long, string> facilities, TimeZoneInfo zone)
    {
        var to = alert.ToFacilityId is { } t ? facilities.GetValueOrDefault(t) : null;
        var candidates = new List<Sentence>();
        if (alert.Kind == AlertKind.Unclaimed)
        {
            candidates.Add(Unclaimed(alert.On, HabeasQueue.HoursSince(alert.On, alert.RaisedAt, zone), to, alert.ToDistrict));
        }
        else if (alert.FromFacilityId is { } f && facilities.GetValueOrDefault(f) is { } from && to is not null)
        {
            candidates.AddRange(new[] { false, true }.Select(sameDay => TransferWatch.Said(from, alert.FromDistrict, to, alert.ToDistrict, alert.On, alert.HabeasFiledBefore, sameDay)));
        }

        return candidates.FirstOrDefault(c => c.ToString() == alert.Message) ?? Sentence.Verbatim(alert.Message);
    }

    /// <summary>An unclaimed alert's text; the time held in hours up to 48, in whole days after.</summary>
    public static Sentence Unclaimed(DateOnly since, int heldHours, string? facility, string? district)
    {
        object at = facility ?? (object)Sentence.Of($"an unrecorded facility");
        object inDistrict = district ?? (object)Sentence.Of($"district not known");
        return heldHours <= 48
            ? Sentence.Of($"Detained since {since:yyyy-MM-dd} ({heldHours} hours) at {at} ({inDistrict}) with no attorney and no habeas petition. Assign an attorney.")
            : Sentence.Of($"Detained since {since:yyyy-MM-dd} ({heldHours / 24} days) at {at} ({inDistrict}) with no attorney and no habeas petition. Assign an attorney.");
    }

    public Task<int> OpenCountAsync(AlertKind kind, CancellationToken ct) => db.Alerts.CountAsync(a => a.AcknowledgedAt == null && a.Kind == kind, ct);

    /// <summary>Acknowledges one alert for the signed-in user; null when there is no such alert, false when it was already acknowledged.</summary>
    public async Task<bool?> AcknowledgeAsync(long id, AuditActor actor, string? note, CancellationToken ct)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return null;
        }

        if (!alert.Acknowledge(actor.UserId, actor.UserName, note, clock.GetUtcNow()))
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// Raises an "unclaimed" alert for each person detained longer than the configured hours with no attorney and
    /// no petition (one per custody, however often it runs), at most <see cref="Limit"/> a run.
    /// </summary>
    /// <remarks>
    /// The first run of a process walks the whole queue (as many runs as it takes at <see cref="Limit"/> alerts each).
    /// After that, <see cref="EscalationProgress"/> remembers how far that walk reached, and a run reads only what can
    /// have become due since: the arrest days that have passed the threshold since (by time, the common way in), the
    /// custody recorded since (a detention entered days after it began: by episode id), and, for every other way in
    /// (an attorney's assignment ended, a petition withdrawn, custody records edited or merged), the next
    /// <see cref="HabeasOptions.SweepPerRun"/> people of the queue in turn, so the whole queue is looked at again
    /// every queue / SweepPerRun runs (at a million people, 750,000 detained: about 38 runs, 19 minutes at 30 s a run).
    /// A queue no longer than SweepPerRun is read whole on every run, as before.
    /// </remarks>
    public async Task<int> EscalateAsync(CancellationToken ct)
    {
        var hours = options.Value.EscalateAfterHours;
        var now = clock.GetUtcNow();
        // The latest arrest day whose start is at least the threshold ago (hours count from the start of the day).
        var cutoff = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        while (HabeasQueue.HoursSince(cutoff, now, clock.LocalTimeZone) < hours)
        {
            cutoff = cutoff.AddDays(-1);
        }

        // Read before the queue, so an episode written during the run is looked at again next run.
        var episodes = await db.CustodyEpisodes.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var covered = progress.Cutoff;
        var due = new List<QueueCandidate>();
        var daysDone = true;
        var episodesDone = true;
        (DateOnly Since, long PersonId)? sweep = progress.Sweep;
        if (covered is null)
        {
            due.AddRange(await NotClaimed(HabeasQueue.Ordered(db).Where(c => c.Since <= cutoff)).Take(Limit).ToListAsync(ct));
            daysDone = due.Count < Limit;
        }
        else
        {
            if (cutoff > covered)
            {
                due.AddRange(await NotClaimed(HabeasQueue.Ordered(db).Where(c => c.Since > covered && c.Since <= cutoff)).Take(Limit).ToListAsync(ct));
                daysDone = due.Count < Limit;
            }

            if (episodes > progress.Episodes && due.Count < Limit)
            {
                var after = progress.Episodes;
                // In episode order: a range of the episodes' primary key.
                var recorded = await NotClaimed(HabeasQueue.Candidates(db).Where(c => c.EpisodeId > after && c.Since <= cutoff)).OrderBy(c => c.EpisodeId)
                    .Take(Limit - due.Count).ToListAsync(ct);
                due.AddRange(recorded);
                episodesDone = due.Count < Limit;
            }
            else
            {
                episodesDone = episodes <= progress.Episodes;
            }

            if (due.Count < Limit)
            {
                var (found, next) = await SweepAsync(sweep, covered.Value, Limit - due.Count, ct);
                due.AddRange(found);
                sweep = next;
            }
        }

        due = due.DistinctBy(d => d.EpisodeId).ToList();
        if (due.Count > 0)
        {
            var facilityIds = due.Where(d => d.FacilityId is not null).Select(d => d.FacilityId!.Value).Distinct().ToList();
            var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => (f.Name, f.District), ct);
            foreach (var d in due)
            {
                var f = d.FacilityId is { } id ? facilities.GetValueOrDefault(id) : default;
                var held = HabeasQueue.HoursSince(d.Since, now, clock.LocalTimeZone);
                db.Alerts.Add(Alert.ForUnclaimed(d.PersonId, d.EpisodeId, d.FacilityId, f.District, d.Since, now, Unclaimed(d.Since, held, f.Name, f.District).ToString()));
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node escalated the same people first; its alerts stand (and this run's reads are read again).
                db.ChangeTracker.Clear();
                return 0;
            }
        }

        progress.Advance(daysDone ? cutoff : covered, episodesDone ? episodes : progress.Episodes, sweep);
        return due.Count;
    }

    /// <summary>The most alerts one run raises.</summary>
    public const int Limit = 5000;

    /// <summary>Those of the queue's rows with no open assignment and no unclaimed alert for their custody (a sweep's
    /// slice applies the same two checks to its people at once: <see cref="SweepAsync"/>; change both together).</summary>
    private IQueryable<QueueCandidate> NotClaimed(IQueryable<QueueCandidate> queue) =>
        queue.Where(c => !db.Assignments.Any(a => a.PersonId == c.PersonId && a.To == null)
            && !db.Alerts.Any(a => a.Kind == AlertKind.Unclaimed && a.CustodyEpisodeId == c.EpisodeId));

    /// <summary>
    /// The next <see cref="HabeasOptions.SweepPerRun"/> people of the queue (arrested on or before <paramref name="covered"/>)
    /// after <paramref name="from"/>, and those of them now unclaimed; where the next slice starts (null: the queue's start
    /// again). The slice is read without the assignment and alert checks, which are then asked for its people at once.
    /// </summary>
    private async Task<(List<QueueCandidate> Due, (DateOnly, long)? Next)> SweepAsync((DateOnly Since, long PersonId)? from, DateOnly covered, int take,
        CancellationToken ct)
    {
        var size = Math.Max(1, options.Value.SweepPerRun);
        var queue = HabeasQueue.Ordered(db).Where(c => c.Since <= covered);
        if (from is { Since: var s, PersonId: var p })
        {
            queue = queue.Where(c => c.Since >= s && (c.Since > s || c.PersonId > p));
        }

        var slice = await queue.Take(size).ToListAsync(ct);
        var next = slice.Count < size ? ((DateOnly, long)?)null : (slice[^1].Since, slice[^1].PersonId);
        if (slice.Count == 0)
        {
            return ([], next);
        }

        var people = slice.Select(c => c.PersonId).ToList();
        var custodies = slice.Select(c => c.EpisodeId).ToList();
        var assigned = (await db.Assignments.Where(a => a.To == null && EF.Parameter(people).Contains(a.PersonId)).Select(a => a.PersonId).ToListAsync(ct)).ToHashSet();
        var alerted = (await db.Alerts.Where(a => a.Kind == AlertKind.Unclaimed && EF.Parameter(custodies).Contains(a.CustodyEpisodeId))
            .Select(a => a.CustodyEpisodeId).ToListAsync(ct)).ToHashSet();
        var due = slice.Where(c => !assigned.Contains(c.PersonId) && !alerted.Contains(c.EpisodeId)).Take(take).ToList();
        if (due.Count == take && take < slice.Count)
        {
            // More in this slice than the run may raise: the next run reads the slice again from its last raised person.
            var last = due[^1];
            next = (last.Since, last.PersonId);
        }

        return (due, next);
    }
}

/// <summary>
/// How far the watcher's escalation has looked (<see cref="AlertService.EscalateAsync"/>): the last arrest day whose
/// people were all looked at, the custody episodes there were then, and where the next slice of the queue starts. Kept
/// for the life of the process; a new process walks the whole queue once.
/// </summary>
public sealed class EscalationProgress
{
    private readonly Lock gate = new();
    private DateOnly? cutoff;
    private long episodes;
    private (DateOnly, long)? sweep;

    public DateOnly? Cutoff
    {
        get { lock (gate) { return cutoff; } }
    }

    public long Episodes
    {
        get { lock (gate) { return episodes; } }
    }

    public (DateOnly Since, long PersonId)? Sweep
    {
        get { lock (gate) { return sweep; } }
    }

    internal void Advance(DateOnly? newCutoff, long newEpisodes, (DateOnly, long)? newSweep)
    {
        lock (gate)
        {
            cutoff = newCutoff;
            episodes = newEpisodes;
            sweep = newSweep;
        }
    }
}

/// <summary>
/// Emails each open alert once: a transfer to the person's assigned attorneys (to the coordinators when nobody is
/// assigned, so that no alert goes unread), an unclaimed case to the coordinators. Messages go through the
/// reminders' delivery (SMTP or the outbox folder). Each alert is claimed before sending so two nodes never send it
/// twice; a failed send releases the claim and the next run tries again.
/// </summary>
public sealed class AlertMailer(ReminderSender sender, TimeProvider clock)
{
    public async Task<int> SendPendingAsync(StaylineDbContext db, CancellationToken ct)
    {
        var pending = await db.Alerts.AsNoTracking().Where(a => a.AcknowledgedAt == null && a.NotifiedAt == null).OrderBy(a => a.Id).Take(500).ToListAsync(ct);
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var coordinators = await db.UserRoles.Where(ur => ur.RoleId == adminRole).Join(db.Users.Where(u => u.Email != null), ur => ur.UserId, u => u.Id,
            (ur, u) => new { u.Id, u.Email, u.DisplayName, u.UiLanguage }).ToListAsync(ct);
        var facilityIds = pending.SelectMany(a => new[] { a.FromFacilityId, a.ToFacilityId }).OfType<long>().Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var readers = new Organisations.PersonReaders(db);
        var sent = 0;
        foreach (var alert in pending)
        {
            var attorneys = alert.Kind == AlertKind.Transfer
                ? await readers.WhoSeeAsync(await db.Assignments.Where(a => a.PersonId == alert.PersonId && a.To == null)
                    .Join(db.Users.Where(u => u.Email != null), a => a.UserId, u => u.Id, (a, u) => new { u.Id, u.Email, u.DisplayName, u.UiLanguage }).ToListAsync(ct),
                    r => r.Id, alert.PersonId, ct)
                : [];
            // Admins of the person's organisation and of the coordinating one (and of organisations it is shared with); never
            // another partner's: the message names the client.
            var to = (attorneys.Count > 0 ? attorneys : await readers.WhoSeeAsync(coordinators, r => r.Id, alert.PersonId, ct)).DistinctBy(r => r.Email).ToList();
            if (to.Count == 0)
            {
                continue; // nobody with an email who may see the person yet: the alert stays on the dashboard and is tried again next run
            }

            var claimedAt = clock.GetUtcNow();
            if (await db.Alerts.Where(a => a.Id == alert.Id && a.NotifiedAt == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.NotifiedAt, claimedAt), ct) == 0)
            {
                continue;
            }

            // One message per language the recipients chose for their pages (English when they chose none).
            var said = AlertService.Said(alert, facilities, clock.LocalTimeZone);
            var from = alert.FromDistrict ?? "?";
            var into = alert.ToDistrict ?? "?";
            var subject = alert.Kind != AlertKind.Transfer ? Sentence.Of($"Stayline: detained with no attorney")
                : alert.HabeasFiledBefore ? Sentence.Of($"Stayline: transfer {from} to {into} (petition filed before)")
                : Sentence.Of($"Stayline: transfer {from} to {into} (no petition before the move)");
            var who = alert.Kind == AlertKind.Transfer && attorneys.Count == 0 ? Sentence.Of($"You receive this because nobody is assigned to this person and you coordinate the team.") :
                alert.Kind == AlertKind.Transfer ? Sentence.Of($"You receive this because you are assigned to this person in Stayline.") : Sentence.Of($"You receive this because you coordinate the team.");
            var file = Sentence.Of($"Open the file: /People/Details?id={alert.PersonId.ToString(CultureInfo.InvariantCulture)}");
            var acknowledge = Sentence.Of($"Acknowledge it on the alerts page: /Habeas/Alerts");
            var messages = new List<MimeMessage>();
            foreach (var group in to.GroupBy(r => Infrastructure.Localization.Known(r.UiLanguage) ?? "en"))
            {
                var message = new MimeMessage();
                foreach (var r in group)
                {
                    message.To.Add(new MailboxAddress(r.DisplayName, r.Email!));
                }

                // No client name in the subject: subjects show on lock screens and in mail server logs.
                message.Subject = Sentences.In(group.Key, subject);
                message.Body = new TextPart("plain")
                {
                    Text = $"""
                        {(group.Key == "en" ? alert.Message : Sentences.In(group.Key, said))}

                        {Sentences.In(group.Key, file)}
                        {Sentences.In(group.Key, acknowledge)}
                        {Sentences.In(group.Key, who)}
                        """,
                };
                messages.Add(message);
            }

            try
            {
                string? via = null;
                foreach (var message in messages)
                {
                    via = await sender.SendAsync(message, ct);
                }

                await db.Alerts.Where(a => a.Id == alert.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.NotifiedVia, via), ct);
                sent++;
            }
            catch (Exception ex) when (ex is IOException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
                or System.Net.Sockets.SocketException or AuthenticationException or UnauthorizedAccessException)
            {
                await db.Alerts.Where(a => a.Id == alert.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.NotifiedAt, (DateTimeOffset?)null), ct);
                throw;
            }
        }

        return sent;
    }
}

/// <summary>Escalates unclaimed people and emails open alerts every few seconds while the web server runs.</summary>
internal sealed class HabeasWatchService(IServiceScopeFactory scopes, AlertMailer mailer, IOptions<HabeasOptions> options, TimeProvider clock,
    ILogger<HabeasWatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var escalated = await scope.ServiceProvider.GetRequiredService<AlertService>().EscalateAsync(stoppingToken);
                    var sent = await mailer.SendPendingAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), stoppingToken);
                    if (escalated > 0 || sent > 0)
                    {
                        logger.LogInformation("Escalated {Escalated} unclaimed people; emailed {Sent} alerts.", escalated, sent);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The habeas watcher failed; the next run tries again.");
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Max(5, options.Value.CheckSeconds)), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
