using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Stayline.Data;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Features.People;
using Stayline.Features.Shared;
using Stayline.Infrastructure;
using Stayline.Resources;
using Stayline.Tables;

namespace Stayline.Features.Bulk;

/// <summary>Bulk actions: choose people (ticked in the list, a filter, or A-numbers), choose the action, preview, apply.</summary>
[Authorize(Policy = Permissions.EditPeople)]
public sealed class IndexModel(StaylineDbContext db, BulkActions bulk, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<Strings> t) : PageModel
{
    public sealed record FilterInput
    {
        public string? Q { get; init; }
        public long? FacilityId { get; init; }
        public CustodyStatus? Status { get; init; }
        public string? AttorneyId { get; init; }
        public long? ClassId { get; init; }
        public bool? HasLawyer { get; init; }

        public bool IsEmpty => Q is null && FacilityId is null && Status is null && AttorneyId is null && ClassId is null && HasLawyer is null;

        public PeopleFilter ToFilter() => new() { Q = Q, FacilityId = FacilityId, Status = Status, AttorneyId = AttorneyId, ClassId = ClassId, HasLawyer = HasLawyer };
    }

    public sealed record InputModel
    {
        public string? Ids { get; init; }
        public string? ANumbers { get; init; }
        public IFormFile? ANumberFile { get; init; }
        public BulkActionKind Kind { get; init; } = BulkActionKind.RecordEvent;
        public string? AttorneyId { get; init; }
        public long? ClassId { get; init; }
        public PersonEventKind EventKind { get; init; } = PersonEventKind.AFileReceived;
        public DateOnly? On { get; init; }
        public string? Description { get; init; }
        public long? FacilityId { get; init; }
    }

    [BindProperty(SupportsGet = true)]
    public FilterInput F { get; set; } = new();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public BulkPreview? Preview { get; private set; }
    public BulkResult? Result { get; private set; }
    public bool IsAdmin { get; private set; }
    /// <summary>The export is taking data away, decided by the same permission as the Reports page's exports.</summary>
    public bool CanExport { get; private set; }
    public IReadOnlyList<(string Id, string Name)> Attorneys { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Classes { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Facilities { get; private set; } = [];

    public static readonly PersonEventKind[] EventKinds =
        [PersonEventKind.AFileReceived, PersonEventKind.RecordOfProceedingsReceived, PersonEventKind.Arrested, PersonEventKind.Other];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = Input with { On = clock.Today() };
        await LoadAsync(ct);
    }

    /// <summary>From the people list: the ticked people.</summary>
    public async Task<IActionResult> OnPostStartAsync(long[] selected, CancellationToken ct)
    {
        Input = new InputModel { Ids = string.Join(",", selected), On = clock.Today() };
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (await ReadUploadAsync(ct) is { } problem)
        {
            ModelState.AddModelError("Input.ANumberFile", problem);
            return Page();
        }

        if (Forbidden())
        {
            return Forbid();
        }

        Preview = await bulk.PreviewAsync(Selection(), Action(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Forbidden())
        {
            return Forbid();
        }

        if (Input.Kind == BulkActionKind.Export)
        {
            var (table, preview) = await bulk.ExportAsync(Selection(), ct);
            await HttpContext.AuditReadAsync(preview.Change.Select(c => c.PersonId).ToList(), "export", ct);
            return File(TableWriter.Write(table, TableFormat.Csv), TableWriter.ContentType(TableFormat.Csv), $"people-{clock.Today():yyyy-MM-dd}.csv");
        }

        Result = await bulk.ApplyAsync(Selection(), Action(), ct);
        return Page();
    }

    // Assigning work and class membership are the coordinating attorney's decisions.
    private bool Forbidden() => Input.Kind is BulkActionKind.AssignAttorney or BulkActionKind.AddToClass && !IsAdmin
        || Input.Kind is BulkActionKind.Export && !CanExport;

    private async Task<string?> ReadUploadAsync(CancellationToken ct)
    {
        if (Input.ANumberFile is not { Length: > 0 } file)
        {
            return null;
        }

        if (file.Length > 1 << 20)
        {
            return t["Bulk.TooLarge"];
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        Input = Input with { ANumbers = string.Join("\n", new[] { Input.ANumbers, text }.Where(s => !string.IsNullOrWhiteSpace(s))) };
        ModelState.Remove("Input.ANumbers");
        return null;
    }

    public BulkSelection Selection() => new(
        BulkSelection.ParseIds(Input.Ids),
        F.IsEmpty ? null : F.ToFilter(),
        Input.ANumbers);

    private BulkAction Action() => new(Input.Kind, Input.AttorneyId, Input.ClassId, Input.EventKind, Input.On, Input.Description, Input.FacilityId);

    public string SelectionSummary()
    {
        var parts = new List<string>();
        var ids = Selection().PersonIds!.Count;
        if (ids > 0)
        {
            parts.Add(t["Bulk.Ticked", Display.Number(ids)]);
        }

        if (!F.IsEmpty)
        {
            parts.Add(F.Q is null ? t["Bulk.Matching"] : t["Bulk.MatchingQ", F.Q]);
        }

        return parts.Count == 0 ? t["Bulk.NoOne"] : string.Join(t["Bulk.And"].Value, parts);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        IsAdmin = User.IsInRole(Roles.Admin);
        CanExport = (await authorization.AuthorizeAsync(User, Permissions.Export)).Succeeded;
        Attorneys = await Lookups.AttorneysAsync(db, ct);
        Classes = await Lookups.ClassesAsync(db, ct);
        Facilities = await Lookups.FacilitiesAsync(db, ct);
    }
}
