using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Work;
using Stayline.Resources;

namespace Stayline.Features.Account;

public sealed class LoginModel(SignInManager<StaylineUser> signIn, UserManager<StaylineUser> users, StaylineDbContext db, TimeProvider clock,
    IStringLocalizer<Strings> t) : PageModel
{
    /// <summary>One answer for an unknown email, a wrong password, a paused (too many attempts) or a disabled account,
    /// so the page does not tell which emails have accounts.</summary>
    public const string Failed = "Wrong email or password, or this account cannot sign in now (after 5 failed attempts sign-in pauses for 15 minutes). An admin can help.";

    // Hashed once per process; an unknown email is checked against it so that every attempt costs one password hash.
    private static string? _dummyHash;

    public sealed record InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        public string Email { get; init; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; init; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NoUsers { get; private set; }

    public async Task OnGetAsync() => NoUsers = !await db.Users.AnyAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        // The password is checked before anything else is, and for unknown emails too: the answer takes as long
        // whether the email exists, the account is paused or disabled, or the password is wrong.
        bool passwordOk;
        if (user is null)
        {
            var dummy = _dummyHash ??= users.PasswordHasher.HashPassword(new StaylineUser(), Guid.NewGuid().ToString("N"));
            users.PasswordHasher.VerifyHashedPassword(new StaylineUser(), dummy, Input.Password);
            passwordOk = false;
        }
        else
        {
            passwordOk = await users.CheckPasswordAsync(user, Input.Password);
        }

        var refusal = user is null ? "unknown email" : user.Disabled ? "disabled" : await users.IsLockedOutAsync(user) ? "paused" : passwordOk ? null : "wrong password";
        if (refusal is null)
        {
            await users.ResetAccessFailedCountAsync(user!);
            await signIn.SignInAsync(user!, isPersistent: false);
            // The user's chosen language follows them to every browser they sign in on.
            if (Infrastructure.Localization.Known(user!.UiLanguage) is { } language)
            {
                Infrastructure.Localization.SetCookie(Response, language);
            }

            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        // Every refusal is one write, so a database commit does not tell them apart either: the audit entry, saved
        // with the failed-attempt count when there is one (Identity's store saves the whole context).
        // The address is the client's as the trusted proxy saw it; an unknown email is not kept (it may be a mistyped password).
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), null, "sign-in form", "sign-in-failed", nameof(StaylineUser), user?.Id, null, null,
            JsonSerializer.Serialize(new { email = user?.Email, refusal, address = HttpContext.Connection.RemoteIpAddress?.ToString() })));
        if (refusal == "wrong password")
        {
            await users.AccessFailedAsync(user!);
        }
        else
        {
            await db.SaveChangesAsync();
        }

        ModelState.AddModelError("", t[nameof(Failed)]);
        NoUsers = !await db.Users.AnyAsync();
        return Page();
    }
}
