using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stayline.Data;
using Stayline.Domain.Common;

namespace Stayline.Features.Intake;

/// <summary>The hotline's call log: who called, about whom, what the team promised, who took the call and when.</summary>
[Authorize(Policy = Permissions.EditPeople)]
public sealed class CallsModel(IntakeService intake) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public long? PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    [BindProperty]
    public CallInput Input { get; set; } = new(null, null, null, null, null, null, null);

    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    public IntakePage<CallRow> Calls { get; private set; } = new(0, 0, PageSize, []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = Input with { PersonId = PersonId };
        Calls = await intake.CallsAsync(PersonId, Skip, PageSize, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (id, errors) = await intake.LogCallAsync(Input, ct);
        if (id is null)
        {
            Errors = errors;
            Calls = await intake.CallsAsync(PersonId, Skip, PageSize, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Flash"] = Resources.Strings.Say(Sentence.Of($"Call logged."));
        return Redirect(Input.PersonId is { } p ? $"/Intake/Calls?personId={p}" : "/Intake/Calls");
    }
}
