using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Deadlines;

/// <summary>Overdue, due within 7 days, within 30 days: for my clients (attorneys' default) or everyone; each section paged on its own.</summary>
public sealed class IndexModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    public bool Mine { get; private set; }
    public UserAccess Access { get; private set; } = null!;
    public DeadlineBoard Board { get; private set; } = new([]);

    /// <summary>The section being paged through (the others show their first page).</summary>
    public BoardSection? Section { get; private set; }

    public async Task OnGetAsync(bool? mine, BoardSection? section, string? after, CancellationToken ct)
    {
        Access = UserAccess.From(User);
        Mine = mine ?? (Access.CanEditLegal && !Access.IsAdmin);
        Section = section;
        Board = await DeadlineBoard.LoadAsync(db, Access, Mine, clock.Today(), 30, ct, section, after);
    }

    public string PageLink(BoardSection section, string? after) =>
        $"/Deadlines?Mine={(Mine ? "true" : "false")}&Section={section}" + (after is null ? "" : "&After=" + Uri.EscapeDataString(after)) + "#" + section.ToString().ToLowerInvariant();
}
