using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.Deadlines;

/// <summary>
/// Missed filings, due within 7 days, within 30 days, then clock days reached: for my clients (attorneys' default) or
/// everyone; a section's later pages show that section alone.
/// </summary>
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

    /// <summary>Each section's heading and, for the two that call for action now, the banner's style and words.</summary>
    public static (string Title, string Css, string Note) Heading(BoardSection section) => section switch
    {
        BoardSection.Overdue => ($"Missed filing deadlines (the last {DeadlineBoard.OverdueWindowDays} days)", "alert danger", "passed without a recorded filing"),
        BoardSection.Week => ("Due within 7 days", "alert warn", "due within 7 days"),
        BoardSection.Month => ("Due within 30 days", "", ""),
        _ => ($"Days reached (the last {DeadlineBoard.OverdueWindowDays} days): detention clocks and other parties' deadlines", "alert",
            "whose day came: ICE's custody reviews and removal period, DHS's bond filings, the government's return, the Board's stay limit, "
            + "and the six-month Zadvydas mark from which a habeas petition is ripe. None is a filing of ours that was missed; each group says whose step it is"),
    };

    public string BoardLink() => $"/Deadlines?Mine={(Mine ? "true" : "false")}" + (Section is { } s ? "#" + s.ToString().ToLowerInvariant() : "");

    public string PageLink(BoardSection section, string? after) =>
        $"/Deadlines?Mine={(Mine ? "true" : "false")}&Section={section}" + (after is null ? "" : "&After=" + Uri.EscapeDataString(after)) + "#" + section.ToString().ToLowerInvariant();
}
