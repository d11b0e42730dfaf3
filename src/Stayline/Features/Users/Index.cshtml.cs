using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;

namespace Stayline.Features.Users;

/// <summary>The team: who can take clients, in which languages, and how many they carry.</summary>
public sealed class IndexModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    /// <param name="BarAdmissions">The admissions recorded on the attorney profile, one by one (what the case board checks).</param>
    /// <param name="OldBarNote">The free-text note kept from before admissions were recorded one by one, until cleared.</param>
    public sealed record UserRow(string Id, string Name, string? Email, string Role, string BarAdmissions, string? OldBarNote, string? Languages, int? Capacity, int Caseload,
        string Status);

    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsAdmin = User.IsInRole(Roles.Admin);
        var now = clock.GetUtcNow();
        var rows = await db.VisibleUsers.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.BarAdmissions,
                u.Languages,
                u.Capacity,
                u.LockoutEnd,
                u.Disabled,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                Caseload = db.Assignments.Count(a => a.UserId == u.Id && a.To == null),
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var admissions = (await db.BarAdmissions.AsNoTracking().Where(a => ids.Contains(a.UserId)).OrderBy(a => a.Kind).ThenBy(a => a.Jurisdiction).ToListAsync(ct))
            .ToLookup(a => a.UserId);
        Users = rows.Select(r => new UserRow(r.Id, string.IsNullOrEmpty(r.DisplayName) ? r.Email ?? r.Id : r.DisplayName, r.Email, r.Role ?? "(none)",
            string.Join("; ", admissions[r.Id].Select(a => a.ShortName)), r.BarAdmissions, r.Languages, r.Capacity, r.Caseload,
            r.Disabled ? "Disabled" : r.LockoutEnd > now ? "Sign-in paused" : "Active")).ToList();
    }
}
