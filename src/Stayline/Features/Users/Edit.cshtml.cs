using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Domain.Work;

namespace Stayline.Features.Users;

[Authorize(Policy = Permissions.Administer)]
public sealed class EditModel(UserManager<StaylineUser> users, StaylineDbContext db, TimeProvider clock, AuditActor actor) : PageModel
{
    public sealed record InputModel
    {
        [Required(ErrorMessage = "Give the user's name.")]
        public string? DisplayName { get; init; }
        public string Role { get; init; } = Roles.Viewer;
        public string? BarAdmissions { get; init; }
        public string? Languages { get; init; }

        [Range(0, 10000, ErrorMessage = "Capacity is a number of clients between 0 and 10,000.")]
        public int? Capacity { get; init; }
        public bool Locked { get; init; }
    }

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        Email = user.Email ?? "";
        Input = new InputModel
        {
            DisplayName = user.DisplayName,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Viewer,
            BarAdmissions = user.BarAdmissions,
            Languages = user.Languages,
            Capacity = user.Capacity,
            Locked = user.LockoutEnd > clock.GetUtcNow(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        Email = user.Email ?? "";
        if (!Roles.All.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", $"Unknown role \"{Input.Role}\".");
        }

        if (user.Id == actor.UserId && (Input.Role != Roles.Admin || Input.Locked))
        {
            ModelState.AddModelError("Input.Role", "You cannot remove your own admin role or lock yourself out.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = new { user.DisplayName, Roles = await users.GetRolesAsync(user), user.BarAdmissions, user.Languages, user.Capacity, user.LockoutEnd };
        user.DisplayName = Input.DisplayName!.Trim();
        user.BarAdmissions = Input.BarAdmissions?.Trim();
        user.Languages = Input.Languages?.Trim();
        user.Capacity = Input.Capacity;
        user.LockoutEnabled = true;
        user.LockoutEnd = Input.Locked ? DateTimeOffset.MaxValue : null;
        await users.UpdateAsync(user);
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([Input.Role]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, Input.Role);
        }

        // Sessions see a role change or a lock at their next security-stamp check; API tokens within 30 s (their cache).
        await users.UpdateSecurityStampAsync(user);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actor.UserId, actor.UserName, "update", nameof(StaylineUser), user.Id, null,
            JsonSerializer.Serialize(before), JsonSerializer.Serialize(new { user.DisplayName, Roles = new[] { Input.Role }, user.BarAdmissions, user.Languages, user.Capacity, user.LockoutEnd })));
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Saved {user.Email}.";
        return RedirectToPage("/Users/Index");
    }
}
