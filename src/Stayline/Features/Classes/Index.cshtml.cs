using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Classes;

namespace Stayline.Features.Classes;

public sealed class IndexModel(StaylineDbContext db) : PageModel
{
    public sealed record ClassRow(long Id, string Name, string Court, string? CaseNumber, int Members);

    public sealed record InputModel
    {
        [Required(ErrorMessage = "Cls.GiveName")]
        public string? Name { get; init; }

        [Required(ErrorMessage = "Cls.GiveCourt")]
        public string? Court { get; init; }

        public string? CaseNumber { get; init; }
        public string? Description { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ClassRow> Classes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var c = new ClassAction(Input.Name!, Input.Court!, Input.CaseNumber, Input.Description);
        db.ClassActions.Add(c);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Classes/Details?id={c.Id}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Classes = await db.ClassActions.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new ClassRow(c.Id, c.Name, c.Court, c.CaseNumber, db.ClassMemberships.Count(m => m.ClassActionId == c.Id))).ToListAsync(ct);
}
