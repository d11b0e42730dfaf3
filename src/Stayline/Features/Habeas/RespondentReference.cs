using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stayline.Data;
using Stayline.Domain.Respondents;
using Stayline.Tables;

namespace Stayline.Features.Habeas;

/// <summary>
/// The shipped respondents tables (Features/Habeas/Data): the Secretaries of Homeland Security and Attorneys General
/// with their dates, and the default respondent rule. Wardens and field office directors change too often to ship:
/// admins enter them.
/// </summary>
public static class RespondentReference
{
    public const string Source = "shipped table (Features/Habeas/Data/officials.csv)";

    public static IReadOnlyList<OfficeHolderInput> Officials() => ShippedTable.Read("officials.csv")
        .Select(r => new OfficeHolderInput(Enum.Parse<Office>(r["office"]), r["name"], r["title"], Day(r["from"]), Day(r["to"]), Source: Source))
        .ToList();

    /// <summary>
    /// Adds the shipped terms a database lacks (the same office, name and first day) and the shipped rules for districts
    /// that have none; what admins entered or changed stays. A shipped open term an admin already ended stays ended.
    /// </summary>
    public static async Task EnsureAsync(StaylineDbContext db, CancellationToken ct)
    {
        var known = (await db.OfficeHolders.AsNoTracking().Select(h => new { h.Office, h.Name, h.From }).ToListAsync(ct))
            .Select(h => (h.Office, h.Name, h.From)).ToHashSet();
        foreach (var input in Officials().Where(i => !known.Contains((i.Office, i.Name!, i.From!.Value))))
        {
            var (holder, errors) = OfficeHolder.Create(input);
            if (holder is null)
            {
                throw new InvalidDataException($"officials.csv: {input.Name}: {string.Join(" ", errors.Select(e => e.Message))}");
            }

            db.OfficeHolders.Add(holder);
        }

        var districts = (await db.RespondentRules.AsNoTracking().Select(r => r.District).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var r in ShippedTable.Read("respondent-rules.csv").Where(r => !districts.Contains(r["district"])))
        {
            var (rule, errors) = RespondentRule.Create(r["district"], bool.Parse(r["field_office_director"]), bool.Parse(r["secretary"]),
                bool.Parse(r["attorney_general"]), r["source"]);
            db.RespondentRules.Add(rule ?? throw new InvalidDataException($"respondent-rules.csv: {string.Join(" ", errors.Select(e => e.Message))}"));
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
    }

    private static DateOnly? Day(string text) =>
        text.Length == 0 ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
