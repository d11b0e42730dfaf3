using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Features.Shared;
using Stayline.Infrastructure;
using Stayline.Resources;

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
    /// <summary>A section's heading, banner style and banner text key (with a "One" form for a single row).</summary>
    public static (string Title, string Css, string NoteKey) Heading(BoardSection section, IStringLocalizer<Strings> t) => section switch
    {
        BoardSection.Overdue => (t["DL.Overdue", DeadlineBoard.OverdueWindowDays].Value, "alert danger", "DL.OverdueNote"),
        BoardSection.Week => (t["DL.Week"].Value, "alert warn", "DL.WeekNote"),
        BoardSection.Month => (t["DL.Month"].Value, "", ""),
        _ => (t["DL.Reached", DeadlineBoard.OverdueWindowDays].Value, "alert", "DL.ReachedNote"),
    };

    public string BoardLink() => $"/Deadlines?Mine={(Mine ? "true" : "false")}" + (Section is { } s ? "#" + s.ToString().ToLowerInvariant() : "");

    public string PageLink(BoardSection section, string? after) =>
        $"/Deadlines?Mine={(Mine ? "true" : "false")}&Section={section}" + (after is null ? "" : "&After=" + Uri.EscapeDataString(after)) + "#" + section.ToString().ToLowerInvariant();
}
