using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.Deadlines;
using Stayline.Domain.Matters;
using Stayline.Features.Deadlines;
using Stayline.Features.Shared;

namespace Stayline.Features.Protection;

/// <summary>What the person page shows about protection and deadlines, loudest first.</summary>
public sealed record PersonProtectionPanel(long PersonId, ProtectionView Protection, IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<(long Id, string Label)> Matters, bool CanEditLegal, bool CanEditPeople)
{
    /// <summary>Post-order detention clocks (removal period, Zadvydas, custody reviews); empty when not detained under a final order.</summary>
    public IReadOnlyList<DetentionClock> Clocks { get; init; } = [];

    public static readonly IReadOnlyList<(PersonEventKind Kind, string Label)> EventKinds =
    [
        (PersonEventKind.AFileReceived, "A-file received"),
        (PersonEventKind.RecordOfProceedingsReceived, "Record of proceedings received"),
        (PersonEventKind.BoardedForRemoval, "Boarded for removal"),
        (PersonEventKind.Arrested, "Arrested"),
        (PersonEventKind.Released, "Released"),
        (PersonEventKind.Removed, "Removed"),
    ];

    // A missed deadline stays loud as long as the board calls it overdue. Older ones lapsed before anyone could act on
    // them (in a mass detention most orders are years old): shown apart, with the grounds that have no time limit,
    // so the table stays about what can still be filed.
    /// <summary>Deadlines still to act on, met, or missed within <see cref="DeadlineBoard.OverdueWindowDays"/>.</summary>
    public IEnumerable<DeadlineView> Current => Deadlines.Where(d => !IsLapsed(d));

    /// <summary>Missed more than <see cref="DeadlineBoard.OverdueWindowDays"/> days before the day the status answers for.</summary>
    public IEnumerable<DeadlineView> Lapsed => Deadlines.Where(IsLapsed);

    private bool IsLapsed(DeadlineView d) => d.Row.State == nameof(DeadlineState.Missed) && d.Row.DueDate is { } due
        && due < Protection.ComputedAsOf.AddDays(-DeadlineBoard.OverdueWindowDays);

    /// <summary>The first open deadline with a date.</summary>
    public DeadlineView? NextDeadline => Deadlines.Where(d => d.Row.State == nameof(DeadlineState.Open) && d.Row.DueDate is not null)
        .OrderBy(d => d.Row.DueDate).FirstOrDefault();

    /// <summary>The reason that decides: the last one of the chain, or the missing facts.</summary>
    public Sentence Headline => Protection.Reasons.Count == 0 ? Protection.SummarySentence
        : Protection.Reasons.Any(r => r.Missing) ? Domain.Protection.ReasonList.Of([.. Protection.Reasons.Where(r => r.Missing).Select(r => r.Sentence)])
        : Protection.Reasons.Last(r => !r.Missing).Sentence;

    /// <summary>What protects the person, without the summary's leading "Protected: " (the page says that word itself).</summary>
    public Sentence ProtectedBy => Protection.SummarySentence is { Format: "Protected: {0}", Values: [Sentence by] } ? by : Protection.SummarySentence;

    public static async Task<PersonProtectionPanel?> LoadAsync(StaylineDbContext db, ProtectionRecompute recompute, TimeProvider clock, long personId,
        UserAccess access, CancellationToken ct)
    {
        if (await ProtectionReader.GetAsync(db, recompute, clock, personId, ct) is not { } protection)
        {
            return null;
        }

        // Detention clocks and bond dates have panels of their own on the person page; the board and reminders carry them as rows.
        var deadlines = (await DeadlineQueries.ForPersonAsync(db, personId, ct)).Where(d => !ClockDeadlines.HasOwnPanel(d.Row.RuleId)).ToList();
        var matters = (await db.Matters.AsNoTracking().Where(m => m.PersonId == personId).OrderBy(m => m.FiledOn).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.FiledOn }).ToListAsync(ct))
            .Select(m => (m.Id, $"{m.Kind.DisplayName()}{(m.FiledOn is { } f ? " filed " + Display.Date(f) : "")}")).ToList();
        var clocks = await ProtectionRecompute.ReadPersonAsync(db, personId, ct) is { } read
            ? DetentionClocks.For(read.Facts.Facts, protection.ComputedAsOf, read.Calendar)
            : [];
        return new PersonProtectionPanel(personId, protection, deadlines, matters, access.CanEditLegal, access.CanEditPeople) { Clocks = clocks };
    }
}
