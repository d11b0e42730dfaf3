using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

namespace Stayline.Features.People;

public sealed class IndexModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    public PeopleFilter Filter { get; private set; } = new();
    public PeoplePage Result { get; private set; } = new([], 0, false, 1, 50);
    public IReadOnlyList<(long Id, string Name)> Facilities { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Attorneys { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Classes { get; private set; } = [];
    public UserAccess Access { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] PeopleFilterQuery query, CancellationToken ct)
    {
        Access = UserAccess.From(User);
        Filter = query.ToFilter();
        Result = await PeopleQuery.RunAsync(db, Filter, ct);
        Facilities = await Lookups.FacilitiesAsync(db, ct);
        Attorneys = await Lookups.AttorneysAsync(db, ct);
        Classes = await Lookups.ClassesAsync(db, ct);
    }

    /// <summary>Assigns every selected person to one attorney, in one transaction.</summary>
    public async Task<IActionResult> OnPostAssignAsync(long[] selected, string assignTo, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        if (selected.Length == 0 || !await db.Users.AnyAsync(u => u.Id == assignTo, ct))
        {
            TempData["Flash"] = "Nothing assigned: select at least one person and an attorney.";
            return Redirect(Request.Headers.Referer.ToString() is { Length: > 0 } r ? r : "/People");
        }

        var today = clock.Today();
        var already = await db.Assignments.Where(a => selected.Contains(a.PersonId) && a.UserId == assignTo && a.To == null)
            .Select(a => a.PersonId).ToListAsync(ct);
        var ids = await db.People.Where(p => selected.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var toAssign = ids.Except(already).ToList();
        foreach (var id in toAssign)
        {
            db.Assignments.Add(new Domain.Work.Assignment(id, assignTo, today));
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Assigned {toAssign.Count} people ({already.Count} were already assigned).";
        return Redirect(Request.Headers.Referer.ToString() is { Length: > 0 } referer ? referer : "/People");
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
        return "/People?" + string.Join("&", parts);
    }
}
