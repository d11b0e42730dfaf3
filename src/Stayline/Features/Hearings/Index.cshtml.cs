using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Matters;
using Stayline.Infrastructure;

namespace Stayline.Features.Hearings;

/// <summary>The hearing calendar across clients: who appears where and when, by court and judge.</summary>
public sealed class IndexModel(StaylineDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 200;

    public sealed record Row(Hearing Hearing, string Person, string? ANumber);

    /// <summary>What came of one judge's hearings (those decided: granted, denied; and continued or held).</summary>
    public sealed record JudgeOutcomes(string Judge, int Hearings, int Granted, int Denied, int Continued, int Held);

    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Court { get; set; }
    public HearingKind? Kind { get; set; }
    public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<string> Courts { get; private set; } = [];

    /// <summary>Outcomes per judge for the court and kind chosen, over every date (or the dates chosen).</summary>
    public IReadOnlyList<JudgeOutcomes> Judges { get; private set; } = [];

    public async Task OnGetAsync(DateOnly? from, DateOnly? to, string? court, HearingKind? kind, int? page, CancellationToken ct)
    {
        From = from ?? clock.Today();
        To = to;
        Court = string.IsNullOrWhiteSpace(court) ? null : court.Trim();
        Kind = kind;
        PageNumber = Math.Max(1, page ?? 1);
        var q = db.Hearings.AsNoTracking().Where(h => h.On >= From);
        q = To is { } t ? q.Where(h => h.On <= t) : q;
        q = Court is { } c ? q.Where(h => h.Court == c) : q;
        q = Kind is { } k ? q.Where(h => h.Kind == k) : q;
        Total = await q.CountAsync(ct);
        Rows = (await q.OrderBy(h => h.On).ThenBy(h => h.At).ThenBy(h => h.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
                .Join(db.People, h => h.PersonId, p => p.Id, (h, p) => new { h, p.GivenName, p.FamilyName, p.ANumber }).ToListAsync(ct))
            .Select(x => new Row(x.h, $"{x.GivenName} {x.FamilyName}", Domain.People.ANumber.DisplayOf(x.ANumber))).ToList();
        Courts = await db.Hearings.AsNoTracking().Select(h => h.Court).Distinct().OrderBy(c => c).ToListAsync(ct);
        var past = db.Hearings.AsNoTracking().Where(h => h.Judge != null);
        past = from is { } f ? past.Where(h => h.On >= f) : past;
        past = To is { } t2 ? past.Where(h => h.On <= t2) : past;
        past = Court is { } c2 ? past.Where(h => h.Court == c2) : past;
        past = Kind is { } k2 ? past.Where(h => h.Kind == k2) : past;
        var counts = (await past.GroupBy(h => new { h.Judge, h.Outcome }).Select(g => new { g.Key.Judge, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(x => x.Judge!, x => (x.Outcome, x.Count));
        Judges = counts.Select(g => new JudgeOutcomes(g.Key, g.Sum(x => x.Count), Count(g, HearingOutcome.Granted), Count(g, HearingOutcome.Denied),
                Count(g, HearingOutcome.Continued), Count(g, HearingOutcome.Held)))
            .OrderByDescending(j => j.Hearings).ThenBy(j => j.Judge, StringComparer.Ordinal).ToList();

        static int Count(IEnumerable<(HearingOutcome Outcome, int Count)> rows, HearingOutcome outcome) => rows.Where(r => r.Outcome == outcome).Sum(r => r.Count);
    }
}
