using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;

namespace Stayline.Features.Account;

public sealed class LoginModel(SignInManager<StaylineUser> signIn, StaylineDbContext db) : PageModel
{
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

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes or ask an admin."
            : "Wrong email or password.");
        NoUsers = !await db.Users.AnyAsync();
        return Page();
    }
}
