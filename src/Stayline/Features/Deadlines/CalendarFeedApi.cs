using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Work;
using Stayline.Infrastructure;

namespace Stayline.Features.Deadlines;

/// <summary>Per-user secret calendar addresses: "cal_" + 32 random bytes; only the SHA-256 is stored.</summary>
public static class CalendarFeeds
{
    /// <summary>Revokes any earlier address of the user and returns the new secret (shown once).</summary>
    public static async Task<string> CreateAsync(StaylineDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        await RevokeAsync(db, userId, now, ct);
        var token = "cal_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, TokenHash = ApiTokens.Hash(token), CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public static async Task<int> RevokeAsync(StaylineDbContext db, string userId, DateTimeOffset now, CancellationToken ct) =>
        await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, now), ct);

    public static string Path(string token) => $"/calendar/{token}.ics";

    /// <summary>
    /// A feed is a standing copy of a caseload's deadlines on a calendar server outside Stayline, so only roles that
    /// carry or manage cases have one: not viewers (read-only observers, who are never assigned clients), and no one
    /// an admin disabled. Checked when a feed is made and every time it is read (a demoted user's feed stops).
    /// </summary>
    public static bool MayHaveFeed(IEnumerable<string> roles) => roles.Any(r => r is Roles.Admin or Roles.Attorney or Roles.Intake);

    /// <summary>The user whose live feed has this secret, if they may still have one.</summary>
    public static async Task<string?> OwnerAsync(StaylineDbContext db, string token, CancellationToken ct)
    {
        var hash = ApiTokens.Hash(token);
        var owner = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash && f.RevokedAt == null)
            .Join(db.Users.Where(u => !u.Disabled), f => f.UserId, u => u.Id, (f, u) => u.Id).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == owner).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(ct);
        return MayHaveFeed(roles) ? owner : null;
    }
}

public static class CalendarFeedApi
{
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        // No cookie and no bearer header: calendar programs only know the address. The secret in it is the credential.
        app.MapGet("/calendar/{token}.ics", Feed).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Feed(string token, StaylineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userId = await CalendarFeeds.OwnerAsync(db, token, ct);
        if (userId is null)
        {
            return Results.NotFound();
        }

        // No one is signed in: the feed reads what its owner may see, by the same rule as their pages.
        db.ScopeTo(await Organisations.OrganisationService.VisibilityOfAsync(db, userId, ct));
        var since = clock.Today().AddDays(-30);
        var open = nameof(DeadlineState.Open);
        var rows = await DeadlineQueries.Rows(db).Where(d => DeadlineQueries.ClientsOf(db, userId).Contains(d.PersonId))
            .Where(d => d.DueDate != null && d.DueDate >= since && (d.State == open || d.Manual)).OrderBy(d => d.DueDate).Take(5_000).ToListAsync(ct);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), userId, "calendar feed", "view", nameof(CalendarFeed), null, null, null,
            $"{rows.Count.ToString(CultureInfo.InvariantCulture)} deadlines"));
        await db.SaveChangesAsync(ct);

        var describer = await DeadlineDescriber.CreateAsync(db, ct);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Stayline//Deadlines//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Stayline deadlines");
        foreach (var view in rows.Select(describer.Describe))
        {
            var due = view.Row.DueDate!.Value;
            calendar.Events.Add(new CalendarEvent
            {
                // Stable across recomputes (row ids are not), so calendar programs update the event instead of duplicating it.
                Uid = $"{view.Row.PersonId}-{view.Row.RuleId}-{view.Row.CourtOrderId}-{view.Row.TriggerDate:yyyyMMdd}-{(view.Row.Manual ? view.Row.Id : 0)}@stayline",
                // Calendars are synced to phones and third-party servers: initials and the A-number's last digits only.
                Summary = $"{view.Title} due: {Initials(view.Row.PersonName)} ({Tail(view.Row.ANumber)})",
                Description = $"{view.Explanation}\nCitation: {view.Row.Citation}\nStayline person {view.Row.PersonId.ToString(CultureInfo.InvariantCulture)}",
                DtStart = new CalDateTime(due.Year, due.Month, due.Day),
                DtEnd = new CalDateTime(due.AddDays(1).Year, due.AddDays(1).Month, due.AddDays(1).Day),
                DtStamp = new CalDateTime(clock.GetUtcNow().UtcDateTime),
            });
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return Results.Text(text, "text/calendar; charset=utf-8");
    }

    private static string Initials(string name) =>
        string.Join("", name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + "."));

    private static string Tail(string? aNumber) => aNumber is { Length: >= 4 } a ? "A…" + a[^4..] : "no A-number";
}
