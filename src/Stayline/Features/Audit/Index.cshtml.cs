using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Work;

namespace Stayline.Features.Audit;

[Authorize(Policy = Permissions.Administer)]
public sealed class IndexModel(StaylineDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AuditAction { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "Page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    /// <summary>The names of the people on this page (a person merged away or deleted keeps only their number).</summary>
    public IReadOnlyDictionary<long, string> PersonNames { get; private set; } = new Dictionary<long, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            q = q.Where(e => e.UserName == UserName.Trim());
        }

        if (PersonId is { } pid)
        {
            q = q.Where(e => e.PersonId == pid);
        }

        if (!string.IsNullOrEmpty(AuditAction))
        {
            q = q.Where(e => e.Action == AuditAction);
        }

        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            q = q.Where(e => e.At >= start);
        }

        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            q = q.Where(e => e.At < end);
        }

        PageNumber = Math.Max(1, PageNumber);
        Events = await q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = Events.Where(e => e.PersonId is not null).Select(e => e.PersonId!.Value).Distinct().ToList();
        PersonNames = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.GivenName + " " + p.FamilyName).Trim(), ct);
    }

    public string PageLink(int page) =>
        $"/Audit?UserName={Uri.EscapeDataString(UserName ?? "")}&PersonId={PersonId}&AuditAction={AuditAction}&From={From:yyyy-MM-dd}&To={To:yyyy-MM-dd}&Page={page}";
}
