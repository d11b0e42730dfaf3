using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stayline.Features.Hotline;

/// <summary>The same thank-you for every post (a real report, a trapped robot): it repeats nothing that was sent or found.</summary>
public sealed class ThanksModel : PageModel
{
    public void OnGet()
    {
    }
}
