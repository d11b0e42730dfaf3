using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Board;
using Stayline.Resources;

namespace Stayline.Features.Board;

/// <summary>An attorney's profile: bar admissions, languages, capacity. Their own, or (admins) a user of their organisation.</summary>
[Authorize(Policy = Permissions.EditLegal)]
public sealed class ProfileModel(BoardService board, AuditActor actor, IStringLocalizer<Strings> t) : PageModel
{
    /// <summary>Empty rows offered for new admissions (no script needed to add one).</summary>
    public const int BlankRows = 3;

    public sealed record AdmissionRow
    {
        public AdmissionKind Kind { get; init; } = AdmissionKind.FederalDistrict;
        public string? Jurisdiction { get; init; }
        public string? BarNumber { get; init; }
        public DateOnly? AdmittedOn { get; init; }
    }

    public sealed record InputModel
    {
        public string? Languages { get; init; }
        public int? Capacity { get; init; }
        public List<AdmissionRow> Admissions { get; init; } = [];
    }

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ProfileDto Profile { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Own => Profile.UserId == User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        Input = new InputModel
        {
            Languages = Profile.Languages,
            Capacity = Profile.Capacity,
            Admissions = [.. Profile.Admissions.Select(a => new AdmissionRow { Kind = a.Kind, Jurisdiction = a.Jurisdiction, BarNumber = a.BarNumber, AdmittedOn = a.AdmittedOn })],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        // A row left blank is not an admission.
        var rows = Input.Admissions.Where(r => !string.IsNullOrWhiteSpace(r.Jurisdiction) || !string.IsNullOrWhiteSpace(r.BarNumber))
            .Select(r => new AdmissionDto(r.Kind, r.Jurisdiction ?? "", r.BarNumber, r.AdmittedOn)).ToList();
        var errors = await board.SaveProfileAsync(Profile.UserId, new ProfileWrite(rows, Input.Languages, Input.Capacity), actor, ct);
        if (errors.Count > 0)
        {
            Errors = [.. errors.Select(Resources.Strings.Say)];
            return Page();
        }

        TempData["Flash"] = t["Bo.ProfileSaved"].Value;
        return Redirect(Own ? "/Board/Profile" : $"/Board/Profile?userId={Uri.EscapeDataString(Profile.UserId)}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var id = string.IsNullOrWhiteSpace(UserId) ? me : UserId;
        if (me is null || id is null || !await board.MayEditProfileAsync(me, User.IsInRole(Roles.Admin), id, ct) || await board.ProfileAsync(id, ct) is not { } profile)
        {
            return NotFound();
        }

        Profile = profile;
        return null;
    }
}
