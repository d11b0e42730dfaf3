using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Features.Shared;

namespace Stayline.Features.People;

public sealed class IndexModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The columns a user may show or hide, in the table's order (name and A-number are always shown).</summary>
    public static readonly IReadOnlyList<(string Key, string Label, PeopleSort? Sort)> Columns =
    [
        ("protection", "Protection", PeopleSort.Protection),
        ("deadline", "Next deadline", PeopleSort.NextDeadline),
        ("lawyer", "Lawyer", PeopleSort.Lawyer),
        ("facility", "Facility", PeopleSort.Facility),
        ("custody", "Custody", null),
        ("born", "Born", PeopleSort.BirthDate),
    ];

    public PeopleFilter Filter { get; private set; } = new();
    /// <summary>The optional columns shown (all unless the user chose).</summary>
    public IReadOnlySet<string> Shown { get; private set; } = Columns.Select(c => c.Key).ToHashSet();
    /// <summary>The user chose the columns (the choice travels in links and saved views).</summary>
    public bool ColumnsChosen { get; private set; }
    public IReadOnlyList<SavedFilter> Views { get; private set; } = [];
    public PeoplePage Result { get; private set; } = new([], 0, false, 1, 50);
    public IReadOnlyList<(long Id, string Name)> Facilities { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Attorneys { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Classes { get; private set; } = [];
    public UserAccess Access { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] PeopleFilterQuery query, [FromQuery] string[]? col, [FromQuery] string? cols, CancellationToken ct)
    {
        Access = UserAccess.From(User);
        Filter = query.ToFilter();
        if (cols is not null)
        {
            ColumnsChosen = true;
            var chosen = (col ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Shown = Columns.Select(c => c.Key).Where(chosen.Contains).ToHashSet();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Views = await db.SavedFilters.AsNoTracking().Where(v => v.UserId == userId).OrderBy(v => v.Name).ToListAsync(ct);
        Result = await PeopleQuery.RunAsync(db, Filter, ct);
        Facilities = await Lookups.FacilitiesAsync(db, ct);
        Attorneys = await Lookups.AttorneysAsync(db, ct);
        Classes = await Lookups.ClassesAsync(db, ct);
    }

    /// <summary>Assigns every selected person to one attorney, in one transaction.</summary>
    public async Task<IActionResult> OnPostAssignAsync(long[] selected, string assignTo, [FromServices] Bulk.BulkActions bulk, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        if (selected.Length == 0 || !await db.VisibleUsers.AnyAsync(u => u.Id == assignTo, ct))
        {
            TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Nothing assigned: select at least one person and an attorney."));
            return Redirect(Request.Headers.Referer.ToString() is { Length: > 0 } r ? r : "/People");
        }

        // Through the bulk action, so the assignments form one batch that can be undone from the Bulk page.
        var result = await bulk.ApplyAsync(new Bulk.BulkSelection(selected), new Bulk.BulkAction(Bulk.BulkActionKind.AssignAttorney, AttorneyId: assignTo), ct);
        var already = result.Skipped.Count(s => s.Said.Equals(Bulk.BulkActions.AlreadyAssigned));
        // Said here, in the reader's language: the flash message is text.
        var refused = result.Skipped.Where(s => !s.Said.Equals(Bulk.BulkActions.AlreadyAssigned)).Take(5).Select(s => $"{s.Who}: {Resources.Strings.Say(s.Said)}").ToList();
        var names = string.Join("; ", refused) + (result.Skipped.Count - already > refused.Count ? "; …" : "");
        var outcome = result.Applied || already > 0
            ? Sentence.Of($"Assigned {result.Changed} people ({already} were already assigned). To take it back, undo it under Bulk, recent bulk actions.")
            : result.Said;
        TempData["Flash"] = Resources.Strings.Say(outcome) + (refused.Count == 0 ? "" : " " + Resources.Strings.Say(Sentence.Of($"Not assigned: {names}.")));
        return Redirect(Request.Headers.Referer.ToString() is { Length: > 0 } referer ? referer : "/People");
    }

    /// <summary>Saves the list as it is shown (filters, order, columns) under a name, for this user: a saved view.</summary>
    public async Task<IActionResult> OnPostSaveViewAsync(string? name, string? query, CancellationToken ct)
    {
        name = name?.Trim();
        query = Reports.IndexModel.FilterQuery(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query ?? ""));
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Nothing saved: give the view a name (at most {100} characters)."));
            return Redirect("/People" + (query.Length == 0 ? "" : "?" + query));
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var existing = await db.SavedFilters.FirstOrDefaultAsync(v => v.UserId == userId && v.Name == name, ct);
        if (existing is null)
        {
            db.SavedFilters.Add(new SavedFilter { UserId = userId, Name = name, Query = query, CreatedAt = clock.GetUtcNow() });
        }
        else
        {
            existing.Query = query;
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Saved the view \"{name}\"."));
        return Redirect("/People" + (query.Length == 0 ? "" : "?" + query));
    }

    /// <summary>
    /// The closeness shown for a name search's row: the engine's score, cut down (not rounded up) to the percent, and
    /// 100 % only when every word typed is a word of the name as written. The engine reads "Kasab" and "Kassab" as one
    /// name (a doubled letter is a spelling variant) and scores them 1; shown as "100 %" that told the user the name
    /// was typed right when it was not.
    /// </summary>
    public static double Closeness(double score, string? query, string name)
    {
        var exact = Domain.People.SearchText.HasEveryWordOf(name, query);
        var percent = Math.Floor(Math.Round(score * 100, 6));
        return (exact ? percent : Math.Min(percent, 99)) / 100;
    }

    public string Link(PeopleFilter f)
    {
        var parts = new List<string>();
        void Add(string k, object? v)
        {
            if (v is not null && !(v is string s && s.Length == 0))
            {
                parts.Add($"{k}={Uri.EscapeDataString(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!)}");
            }
        }

        Add("Q", f.Q);
        Add("FacilityId", f.FacilityId);
        Add("Status", f.Status);
        Add("AttorneyId", f.AttorneyId);
        Add("ClassId", f.ClassId);
        Add("HasLawyer", f.HasLawyer?.ToString().ToLowerInvariant());
        Add("Sort", f.Sort);
        Add("Desc", f.Desc ? "true" : null);
        Add("PageSize", f.PageSize != new PeopleFilter().PageSize ? f.PageSize : null);
        Add("Page", f.Page > 1 ? f.Page : null);
        Add("After", f.After);
        Add("Before", f.Before);
        if (ColumnsChosen)
        {
            Add("Cols", "1");
            foreach (var c in Columns.Where(c => Shown.Contains(c.Key)))
            {
                Add("Col", c.Key);
            }
        }

        return "/People?" + string.Join("&", parts);
    }
}
