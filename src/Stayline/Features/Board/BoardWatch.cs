using System.Globalization;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Stayline.Data;
using Stayline.Domain.Board;
using Stayline.Features.Deadlines;

namespace Stayline.Features.Board;

/// <summary>
/// Emails the coordinators (admins of the post's organisation and of the coordinating organisation) once per escalated
/// post, through the reminders' delivery (SMTP or the outbox folder). Each post is claimed before sending so two nodes
/// never send it twice; a failed send releases the claim and the next run tries again.
/// </summary>
public sealed class BoardMailer(ReminderSender sender, TimeProvider clock, IOptions<BoardOptions> options)
{
    public async Task<int> SendPendingAsync(StaylineDbContext db, CancellationToken ct)
    {
        var pending = await db.CasePosts.AsNoTracking().Where(p => p.Status == CasePostStatus.Open && p.EscalatedAt != null && p.EscalationMailedAt == null)
            .OrderBy(p => p.Id).Take(500).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var coordinating = await db.CoordinatingOrganisationIdAsync(ct);
        var admins = await db.UserRoles.Where(ur => ur.RoleId == adminRole)
            .Join(db.Users.Where(u => u.Email != null && !u.Disabled), ur => ur.UserId, u => u.Id, (ur, u) => new { u.Email, u.DisplayName, u.OrganisationId })
            .ToListAsync(ct);
        var facilityIds = pending.Where(p => p.FacilityId is not null).Select(p => p.FacilityId!.Value).Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var sent = 0;
        foreach (var post in pending)
        {
            var to = admins.Where(a => a.OrganisationId == post.OrganisationId || a.OrganisationId == coordinating).DistinctBy(a => a.Email).ToList();
            if (to.Count == 0)
            {
                continue; // nobody to tell yet: the post stays flagged on the dashboard and is tried again next run
            }

            var claimedAt = clock.GetUtcNow();
            if (await db.CasePosts.Where(p => p.Id == post.Id && p.EscalationMailedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.EscalationMailedAt, claimedAt), ct) == 0)
            {
                continue;
            }

            var message = new MimeMessage();
            foreach (var r in to)
            {
                message.To.Add(new MailboxAddress(r.DisplayName, r.Email!));
            }

            // No client name anywhere in the message: it leaves Stayline for mail servers and lock screens.
            message.Subject = $"Stayline: case unclaimed on the board for {options.Value.EscalateAfterHours} hours ({post.District})";
            var facility = post.FacilityId is { } fid ? facilities.GetValueOrDefault(fid) : null;
            message.Body = new TextPart("plain")
            {
                Text = $"""
                    A case posted on the volunteer board on {post.PostedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC has not been claimed.

                    District: {post.District}
                    Facility: {facility ?? "not recorded"}
                    Needs: {CasePost.NeedsText(post.Needs)}
                    Languages: {post.Languages ?? "none named"}

                    See the suggested attorneys and assign one: /Board/Details?id={post.Id.ToString(CultureInfo.InvariantCulture)}
                    You receive this because you coordinate the organisation that posted the case.
                    """,
            };
            try
            {
                await sender.SendAsync(message, ct);
                sent++;
            }
            catch (Exception ex) when (ex is IOException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
                or System.Net.Sockets.SocketException or AuthenticationException or UnauthorizedAccessException)
            {
                await db.CasePosts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.EscalationMailedAt, (DateTimeOffset?)null), ct);
                throw;
            }
        }

        return sent;
    }
}

/// <summary>Escalates unclaimed posts and emails the coordinators every minute or so while the web server runs.</summary>
internal sealed class BoardWatchService(IServiceScopeFactory scopes, BoardMailer mailer, IOptions<BoardOptions> options, TimeProvider clock,
    ILogger<BoardWatchService> logger) : BackgroundService
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
                    var escalated = await scope.ServiceProvider.GetRequiredService<BoardService>().EscalateAsync(stoppingToken);
                    var sent = await mailer.SendPendingAsync(scope.ServiceProvider.GetRequiredService<StaylineDbContext>(), stoppingToken);
                    if (escalated > 0 || sent > 0)
                    {
                        logger.LogInformation("Board: escalated {Escalated} unclaimed posts; emailed {Sent}.", escalated, sent);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The board watcher failed; the next run tries again.");
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Max(5, options.Value.CheckSeconds)), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
