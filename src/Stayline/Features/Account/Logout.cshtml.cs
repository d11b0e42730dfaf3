using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;

namespace Stayline.Features.Account;

public sealed class LogoutModel(SignInManager<StaylineUser> signIn, UserManager<StaylineUser> users) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends every session of the user, including a copy of this cookie taken before sign-out.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
