using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Work;
using Stayline.Infrastructure;

namespace Stayline.Features.Users;

[Authorize(Policy = Permissions.Administer)]
public sealed class EditModel(UserManager<StaylineUser> users, StaylineDbContext db, TimeProvider clock, AuditActor actor, IMemoryCache cache,
    IStringLocalizer<Stayline.Resources.Strings> t) : PageModel
{
    public sealed record InputModel
    {
        [Required(ErrorMessage = "Give the user's name.")]
        public string? DisplayName { get; init; }
        public string Role { get; init; } = Roles.Viewer;
        public string? Languages { get; init; }

        /// <summary>Clears the free-text bar admissions note kept from before admissions were recorded one by one.</summary>
        public bool ClearOldBarNote { get; init; }

        [Range(0, 10000, ErrorMessage = "Capacity is a number of clients between 0 and 10,000.")]
        public int? Capacity { get; init; }
        public bool Disabled { get; init; }

        /// <summary>Optional: a new password for a user who lost theirs (tell it to them out of band).</summary>
        public string? NewPassword { get; init; }
    }

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";

    /// <summary>The admissions on the attorney profile ("MI bar; E.D. Mich."), empty when none.</summary>
    public string Admissions { get; private set; } = "";

    /// <summary>The old free-text note (the Team page's field before admissions were recorded one by one), if kept.</summary>
    public string? OldBarNote { get; private set; }

    /// <summary>Until when password sign-in is paused after failed attempts (saving the form lifts the pause).</summary>
    public DateTimeOffset? PausedUntil { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null || !db.Sees(user))
        {
            return NotFound();
        }

        await LoadAdmissionsAsync(user);
        PausedUntil = user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : null;
        Input = new InputModel
        {
            DisplayName = user.DisplayName,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Viewer,
            Languages = user.Languages,
            Capacity = user.Capacity,
            Disabled = user.Disabled,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null || !db.Sees(user))
        {
            return NotFound();
        }

        await LoadAdmissionsAsync(user);
        if (!Roles.All.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Usr.UnknownRole"], Input.Role));
        }

        if (user.Id == actor.UserId && (Input.Role != Roles.Admin || Input.Disabled))
        {
            ModelState.AddModelError("Input.Role", t["Usr.NotYourself"]);
        }

        var newPassword = string.IsNullOrEmpty(Input.NewPassword) ? null : Input.NewPassword;
        if (newPassword is not null)
        {
            foreach (var validator in users.PasswordValidators)
            {
                foreach (var error in (await validator.ValidateAsync(users, user, newPassword)).Errors)
                {
                    ModelState.AddModelError("Input.NewPassword", error.Description);
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = new { user.DisplayName, Roles = await users.GetRolesAsync(user), user.BarAdmissions, user.Languages, user.Capacity, user.Disabled };
        var wasDisabled = user.Disabled;
        user.DisplayName = Input.DisplayName!.Trim();
        if (Input.ClearOldBarNote)
        {
            user.BarAdmissions = null;
        }

        user.Languages = Input.Languages?.Trim();
        user.Capacity = Input.Capacity;
        user.Disabled = Input.Disabled;
        // An admin's save also lifts a pause after failed sign-in attempts (the user asked for help).
        user.LockoutEnabled = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        var current = await users.GetRolesAsync(user);
        var roleChanged = !current.SequenceEqual([Input.Role]);
        if (roleChanged)
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, Input.Role);
        }

        if (newPassword is not null)
        {
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword);
            if (!reset.Succeeded)
            {
                ModelState.AddModelError("Input.NewPassword", string.Join(" ", reset.Errors.Select(e => e.Description)));
                return Page();
            }
        }

        // A new stamp ends the user's sessions at their next request (on every node); this node forgets their cached
        // tokens now, other nodes within ApiTokens.CacheFor. Other edits (name, capacity) leave sessions alone.
        if (roleChanged || Input.Disabled != wasDisabled || newPassword is not null)
        {
            await users.UpdateSecurityStampAsync(user);
            await ApiTokens.ForgetUserAsync(db, cache, user.Id, HttpContext.RequestAborted);
        }

        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actor.UserId, actor.UserName, "update", nameof(StaylineUser), user.Id, null,
            JsonSerializer.Serialize(before), JsonSerializer.Serialize(new { user.DisplayName, Roles = new[] { Input.Role }, user.BarAdmissions, user.Languages, user.Capacity, user.Disabled, PasswordReset = newPassword is not null })));
        await db.SaveChangesAsync();
        TempData["Flash"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["PeEd.Saved"], user.Email);
        return RedirectToPage("/Users/Index");
    }

    private async Task LoadAdmissionsAsync(StaylineUser user)
    {
        Email = user.Email ?? "";
        OldBarNote = string.IsNullOrWhiteSpace(user.BarAdmissions) ? null : user.BarAdmissions;
        Admissions = string.Join("; ", (await db.BarAdmissions.AsNoTracking().Where(a => a.UserId == user.Id).OrderBy(a => a.Kind).ThenBy(a => a.Jurisdiction)
            .ToListAsync()).Select(a => a.ShortName));
    }
}
