using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Domain.Common;

namespace Stayline.Features.Documents;

/// <summary>Generates a draft for one person from their page (kept on the file, audited) and downloads stored drafts.</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class DraftModel(DocumentService documents) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnGetFileAsync(long id, CancellationToken ct)
    {
        var doc = await documents.OpenAsync(id, ct);
        return doc is null ? NotFound() : File(doc.Content, IndexModel.DocxType, doc.FileName);
    }

    public async Task<IActionResult> OnPostAsync(long personId, string? template, CancellationToken ct)
    {
        var t = template is null ? null : await documents.TemplateAsync(template, ct);
        if (t is null)
        {
            TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Choose a template."));
            return Redirect($"/People/Details?id={personId}");
        }

        var items = await documents.GenerateAsync(t, [personId], store: true, ct);
        if (items.Count == 0)
        {
            return NotFound();
        }

        var item = items[0];
        Response.Headers["X-Stayline-Missing"] = Uri.EscapeDataString(string.Join("; ", item.Draft.Missing));
        return File(item.Draft.Docx, IndexModel.DocxType, item.FileName);
    }
}
