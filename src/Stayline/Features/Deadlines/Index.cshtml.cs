using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Deadlines;

/// <summary>Overdue, due within 7 days, within 30 days: for my clients (attorneys' default) or everyone.</summary>
public sealed class IndexModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    public bool Mine { get; private set; }
    public UserAccess Access { get; private set; } = null!;
    public DeadlineBoard Board { get; private set; } = new([], [], []);

    public async Task OnGetAsync(bool? mine, CancellationToken ct)
    {
        Access = UserAccess.From(User);
        Mine = mine ?? (Access.CanEditLegal && !Access.IsAdmin);
        Board = await DeadlineBoard.LoadAsync(db, Access, Mine, clock.Today(), 30, ct);
    }
}
