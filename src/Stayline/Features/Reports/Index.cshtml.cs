using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Features.People;
using Stayline.Features.Shared;
using Stayline.Infrastructure;

using Stayline.Tables;

namespace Stayline.Features.Reports;

/// <summary>Status reports per class, people exports of a list filter, and the user's saved filters.</summary>
[Authorize(Policy = Permissions.Export)]
public sealed class IndexModel(StaylineDbContext db, AuditActor actor, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Stayline.Resources.Strings> t) : PageModel
{
    public IReadOnlyList<(long Id, string Name)> Classes { get; private set; } = [];
    public IReadOnlyList<SavedFilter> Saved { get; private set; } = [];
    /// <summary>The people-list query string this page was opened with ("" for everyone).</summary>
    public string CurrentQuery { get; private set; } = "";
    public DateOnly DefaultSince { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CurrentQuery = FilterQuery(Request.Query);
        DefaultSince = clock.Today().AddDays(-14); // reports are typically ordered every other week
        Classes = await Lookups.ClassesAsync(db, ct);
        Saved = await db.SavedFilters.AsNoTracking().Where(f => f.UserId == UserId).OrderBy(f => f.Name).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetStatusAsync(long classId, DateOnly since, TableFormat format, CancellationToken ct)
    {
        var result = await StatusReport.RunAsync(db, classId, since, clock.Today(), ct);
        if (result is not { } r)
        {
            return NotFound();
        }

        db.AuditEvents.Add(new Domain.Work.AuditEvent(clock.GetUtcNow(), actor.UserId, actor.UserName, "export", "StatusReport",
            classId.ToString(CultureInfo.InvariantCulture), null, null, $"since {since:yyyy-MM-dd}, {r.Rows.Count} members"));
        await db.SaveChangesAsync(ct);
        var members = await db.ClassMemberships.Where(m => m.ClassActionId == classId).Select(m => m.PersonId).Distinct().ToListAsync(ct);
        await HttpContext.AuditReadAsync(members, "export", ct);
        return File(TableWriter.Write(StatusReport.ToTable(r.Rows), format), TableWriter.ContentType(format),
            $"status-report-class-{classId}-since-{since:yyyy-MM-dd}.{format.ToString().ToLowerInvariant()}");
    }

    public async Task<IActionResult> OnGetPeopleAsync([FromQuery] PeopleFilterQuery query, TableFormat format, CancellationToken ct)
    {
        var (table, ids) = await PeopleExport.RunAsync(db, query.ToFilter(), actor, clock.GetUtcNow(), ct);
        await HttpContext.AuditReadAsync(ids, "export", ct);
        return File(TableWriter.Write(table, format), TableWriter.ContentType(format),
            $"people-{clock.Today():yyyy-MM-dd}.{format.ToString().ToLowerInvariant()}");
    }

    public async Task<IActionResult> OnPostSaveFilterAsync(string? name, string? query, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            TempData["Flash"] = t["Rep.GiveName"].Value;
            return Redirect("/Reports" + (string.IsNullOrEmpty(query) ? "" : "?" + query));
        }

        query = FilterQuery(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query ?? ""));
        var existing = await db.SavedFilters.FirstOrDefaultAsync(f => f.UserId == UserId && f.Name == name, ct);
        if (existing is null)
        {
            db.SavedFilters.Add(new SavedFilter { UserId = UserId, Name = name, Query = query, CreatedAt = clock.GetUtcNow() });
        }
        else
        {
            existing.Query = query;
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = string.Format(CultureInfo.CurrentCulture, t["Rep.Saved"], name);
        return Redirect("/Reports");
    }

    public async Task<IActionResult> OnPostDeleteFilterAsync(long id, CancellationToken ct)
    {
        await db.SavedFilters.Where(f => f.Id == id && f.UserId == UserId).ExecuteDeleteAsync(ct);
        return Redirect("/Reports");
    }

    private static readonly string[] FilterKeys = ["Q", "FacilityId", "Status", "AttorneyId", "ClassId", "HasLawyer", "Sort", "Desc", "PageSize", "Cols", "Col"];

    /// <summary>Keeps only the people-list filter parameters (not paging, not handlers), in a fixed order.</summary>
    public static string FilterQuery(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query)
    {
        var map = query.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        // A repeated key (the chosen columns, Col=a&Col=b) comes as one comma-separated value; the people list splits it.
        return string.Join("&", FilterKeys.Where(k => map.TryGetValue(k, out var v) && v.Length > 0)
            .Select(k => $"{k}={Uri.EscapeDataString(map[k])}"));
    }
}
