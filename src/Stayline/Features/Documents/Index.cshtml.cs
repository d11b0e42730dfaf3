using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Domain.Common;

namespace Stayline.Features.Documents;

/// <summary>Templates: list, download to edit in Word, upload a new version (admins and attorneys).</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class IndexModel(DocumentService documents) : PageModel
{
    public const long MaxUpload = 10 * 1024 * 1024;

    public IReadOnlyList<TemplateInfo> Templates { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Templates = await documents.TemplatesAsync(ct);

    public async Task<IActionResult> OnGetDownloadAsync(string key, CancellationToken ct)
    {
        var t = await documents.TemplateAsync(key, ct);
        return t is null ? NotFound() : File(t.Content, DocxType, $"{t.Key}-v{t.Version}.docx");
    }

    public async Task<IActionResult> OnPostUploadAsync(string? key, string? name, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0 || file.Length > MaxUpload || string.IsNullOrWhiteSpace(key))
        {
            Errors = ["Choose a template id and a .docx file (at most 10 MB)."];
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var (saved, errors) = await documents.UploadAsync(key, name, buffer.ToArray(), ct);
            if (saved is not null)
            {
                TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Stored {saved.Key} version {saved.Version}."));
                return RedirectToPage();
            }

            Errors = errors;
        }

        Templates = await documents.TemplatesAsync(ct);
        return Page();
    }

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
