using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Work;

namespace Stayline.Features.Account;

/// <summary>Change one's own password (every role: it changes nothing anyone else sees). Other sessions end; this one stays.</summary>
public sealed class PasswordModel(UserManager<StaylineUser> users, SignInManager<StaylineUser> signIn, StaylineDbContext db, TimeProvider clock, AuditActor actor,
    IStringLocalizer<Stayline.Resources.Strings> t)
    : PageModel
{
    public sealed record InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        public string? Current { get; init; }

        [Required(ErrorMessage = "Enter a new password.")]
        public string? New { get; init; }

        [Required(ErrorMessage = "Enter the new password again.")]
        [Compare(nameof(New), ErrorMessage = "The two new passwords differ.")]
        public string? Confirm { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.Current!, Input.New!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.Current" : "Input.New",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? t["Acct.WrongCurrent"].Value : error.Description);
            }

            return Page();
        }

        // ChangePasswordAsync gave the user a new security stamp, which ends their other sessions; this one gets a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actor.UserId, actor.UserName, "change-password", nameof(StaylineUser), user.Id, null, null, null));
        await db.SaveChangesAsync();
        TempData["Flash"] = t["Acct.Changed"].Value;
        return Redirect("/");
    }
}
