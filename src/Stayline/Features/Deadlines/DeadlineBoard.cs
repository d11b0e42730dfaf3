using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Deadlines;
using Stayline.Features.Shared;

namespace Stayline.Features.Deadlines;

/// <summary>The deadlines page's three lists: missed recently, due within 7 days, due within 30 (or N) days.</summary>
public sealed record DeadlineBoard(IReadOnlyList<DeadlineView> Overdue, IReadOnlyList<DeadlineView> Within7, IReadOnlyList<DeadlineView> Within30)
{
    /// <summary>Missed deadlines older than this are history (the file shows them), not a to-do.</summary>
    public const int OverdueWindowDays = 30;

    public const int MaxRows = 2_000;

    public static async Task<DeadlineBoard> LoadAsync(StaylineDbContext db, UserAccess access, bool mine, DateOnly today, int days, CancellationToken ct)
    {
        var q = DeadlineQueries.Rows(db);
        if (mine)
        {
            var uid = access.UserId ?? "";
            q = q.Where(d => DeadlineQueries.ClientsOf(db, uid).Contains(d.PersonId));
        }

        var from = today.AddDays(-OverdueWindowDays);
        var to = today.AddDays(days);
        var open = nameof(DeadlineState.Open);
        var missed = nameof(DeadlineState.Missed);
        var rows = await q.Where(d => d.DueDate != null && d.DueDate >= from && d.DueDate <= to && (d.State == open || d.State == missed))
            .OrderBy(d => d.DueDate).ThenBy(d => d.PersonName).Take(MaxRows).ToListAsync(ct);
        var describer = await DeadlineDescriber.CreateAsync(db, ct);
        var views = rows.Select(describer.Describe).ToList();
        // Manual deadlines have no filing to check against: past their day they are overdue until someone marks them.
        bool Overdue(DeadlineView v) => v.Row.DueDate < today;
        return new DeadlineBoard(
            views.Where(Overdue).ToList(),
            views.Where(v => !Overdue(v) && v.Row.DueDate <= today.AddDays(7)).ToList(),
            views.Where(v => v.Row.DueDate > today.AddDays(7)).ToList());
    }
}
