using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Infrastructure;

namespace Stayline.Features.Account;

/// <summary>The layout's language switch: a cookie for this browser, and the user's own setting when signed in.</summary>
public sealed class LanguageModel(UserManager<StaylineUser> users) : PageModel
{
    public async Task<IActionResult> OnPostAsync(string? lang, string? returnUrl)
    {
        var language = Localization.Known(lang) ?? "en";
        Localization.SetCookie(Response, language);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.UiLanguage != language)
        {
            user.UiLanguage = language;
            await users.UpdateAsync(user);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
