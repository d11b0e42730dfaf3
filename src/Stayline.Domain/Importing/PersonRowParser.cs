using System.Globalization;
using Stayline.Domain.Common;
using Stayline.Domain.People;
using MatchDate = Stayline.Domain.Matching.BirthDate;

namespace Stayline.Domain.Importing;

/// <summary>One valid row of an import, ready to create or update a person.</summary>
public sealed record ImportedPerson(int Row, PersonInput Input, long? FacilityId, DateOnly? DetainedSince, MatchDate LinkBirthDate)
{
    public string? ANumberDigits { get; } = Input.ANumber is null ? null : ANumber.Parse(Input.ANumber).Digits;

    /// <summary>The new person the row makes, as built when the row was checked (not yet stored; null for a row
    /// rebuilt from a review payload): a large import creates it once instead of again when writing.</summary>
    public Person? Built { get; init; }

    /// <summary>A facility named by the row that is not in the catalogue: the row is held (not imported) until
    /// someone chooses or adds the facility, so one unknown name does not reject the whole list.</summary>
    public string? HeldFacility { get; init; }
}

/// <summary>The facilities catalogue by name, ignoring case, accents, punctuation and spacing.</summary>
public sealed class FacilityCatalogue
{
    private readonly Dictionary<string, long> _byKey = new(StringComparer.Ordinal);

    public FacilityCatalogue(IEnumerable<(long Id, string Name)> facilities)
    {
        foreach (var (id, name) in facilities)
        {
            _byKey.TryAdd(Key(name), id);
        }
    }

    public static FacilityCatalogue Empty { get; } = new([]);

    /// <summary>"Calhoun County Correctional Center" and "CALHOUN CNTY. CORRECTIONAL-CENTER" differ; "calhoun county correctional center." does not.</summary>
    public static string Key(string name) => SearchText.Fold(name).Replace(" ", "", StringComparison.Ordinal);

    public bool TryFind(string name, out long id) => _byKey.TryGetValue(Key(name), out id);
}

/// <summary>Turns the text of one row into a person's input, with an error per bad value; never throws on bad data.</summary>
public static class PersonRowParser
{
    private static readonly Sentence DateLabel = Sentence.Of($"Date");

    public static ImportedPerson? Parse(int row, ColumnMapping mapping, IReadOnlyList<string> values, FacilityCatalogue facilities,
        DateOnly today, List<ImportError> errors)
    {
        var errorsBefore = errors.Count;
        string? Get(ImportField f, out string column)
        {
            var i = mapping.IndexOf(f);
            column = i >= 0 ? mapping.Header[i] : f.ToString();
            if (i < 0 || i >= values.Count)
            {
                return null;
            }

            var v = values[i].Trim();
            return v.Length == 0 ? null : v;
        }

        var given = Get(ImportField.GivenName, out _);
        var family = Get(ImportField.FamilyName, out _);
        var full = Get(ImportField.FullName, out _);
        if (given is null && family is null && full is not null)
        {
            (given, family) = SplitFullName(full);
        }

        string? aNumber = null;
        if (Get(ImportField.ANumber, out var aColumn) is { } aText)
        {
            if (ANumber.TryParse(aText, out var a, out var aError))
            {
                aNumber = a.Value.Display;
            }
            else
            {
                errors.Add(new ImportError(row, aColumn, aText, aError!));
            }
        }

        var birth = ParseDate(row, Get(ImportField.BirthDate, out var bColumn), bColumn, errors, out var linkDate, out var precision);
        var detained = ParseDate(row, Get(ImportField.DetainedSince, out var dColumn), dColumn, errors, out _, out var detainedPrecision);
        if (detained is not null && detainedPrecision != BirthDatePrecision.Exact)
        {
            errors.Add(new ImportError(row, dColumn, Get(ImportField.DetainedSince, out _), Sentence.Of($"A detention date needs a day, month and year.")));
        }
        else if (detained > today)
        {
            errors.Add(new ImportError(row, dColumn, Get(ImportField.DetainedSince, out _), Sentence.Of($"Detention date {detained:yyyy-MM-dd} is in the future.")));
        }

        long? facilityId = null;
        string? held = null;
        if (Get(ImportField.Facility, out _) is { } facility)
        {
            if (facilities.TryFind(facility, out var id))
            {
                facilityId = id;
            }
            else
            {
                held = facility;
            }
        }

        var input = new PersonInput(aNumber, given, family, Get(ImportField.NativeName, out _), birth, precision,
            Get(ImportField.Citizenship, out _), Get(ImportField.Languages, out _), false, null,
            Get(ImportField.BirthPlace, out _), Get(ImportField.FatherName, out _), Get(ImportField.MotherName, out _),
            Get(ImportField.City, out _), Get(ImportField.Email, out _), Get(ImportField.Phone, out _));
        // The entity's own rules (name present, lengths, dates not in the future) decide validity. Checked on a row with a value
        // already refused too (that value is left out of the input), so the preview names every problem of the row at once:
        // a wrong A-number had hidden a birth date in 2031 on the same row until the file was fixed and read again.
        var (built, entityErrors) = Person.Create(input, today, DateTimeOffset.UnixEpoch);
        foreach (var e in entityErrors)
        {
            var (column, value) = ColumnOf(e.Field, mapping, values);
            errors.Add(new ImportError(row, column, value, e.Sentence));
        }

        return errors.Count == errorsBefore ? new ImportedPerson(row, input, facilityId, detained, linkDate) { Built = built, HeldFacility = held } : null;
    }

    /// <summary>"KASSAB, Yousif" (family first, as government lists write it) or "Yousif Hanna Kassab" (family last).</summary>
    public static (string? Given, string? Family) SplitFullName(string full)
    {
        var comma = full.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            var fam = full[..comma].Trim();
            var giv = full[(comma + 1)..].Trim();
            return (giv.Length == 0 ? null : giv, fam.Length == 0 ? null : fam);
        }

        var words = full.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 1 ? (null, words[0]) : (string.Join(' ', words[..^1]), words[^1]);
    }

    private static DateOnly? ParseDate(int row, string? text, string column, List<ImportError> errors, out MatchDate linkDate, out BirthDatePrecision precision)
    {
        precision = BirthDatePrecision.Unknown;
        linkDate = MatchDate.Missing;
        if (text is null)
        {
            return null;
        }

        if (!MatchDate.TryParse(text, DateLabel, out var d, out var error))
        {
            errors.Add(new ImportError(row, column, text, error!));
            return null;
        }

        linkDate = d;
        if (d.IsYearOnly)
        {
            precision = BirthDatePrecision.YearOnly;
            return new DateOnly(d.Year, 1, 1);
        }

        // An ambiguous 03/04/1980 is read month-first (U.S. forms); the linker still accepts either reading.
        precision = BirthDatePrecision.Exact;
        return new DateOnly(d.Year, d.Month, d.Day);
    }

    private static (string? Column, string? Value) ColumnOf(string field, ColumnMapping mapping, IReadOnlyList<string> values)
    {
        var f = field switch
        {
            nameof(PersonInput.ANumber) => ImportField.ANumber,
            nameof(PersonInput.GivenName) => ImportField.GivenName,
            nameof(PersonInput.FamilyName) => mapping.IndexOf(ImportField.FamilyName) >= 0 ? ImportField.FamilyName : ImportField.FullName,
            nameof(PersonInput.BirthDate) => ImportField.BirthDate,
            nameof(PersonInput.BirthPlace) => ImportField.BirthPlace,
            nameof(PersonInput.FatherName) => ImportField.FatherName,
            nameof(PersonInput.MotherName) => ImportField.MotherName,
            nameof(PersonInput.City) => ImportField.City,
            nameof(PersonInput.Email) => ImportField.Email,
            nameof(PersonInput.Phone) => ImportField.Phone,
            _ => ImportField.Ignore,
        };
        var i = f == ImportField.Ignore ? -1 : mapping.IndexOf(f);
        return i < 0 ? (null, null) : (mapping.Header[i], i < values.Count ? values[i] : null);
    }

    /// <summary>A stable digest of a row's values, so re-importing an unchanged row is recognised.</summary>
    public static string Fingerprint(IReadOnlyList<string> values)
    {
        // FNV-1a over the trimmed values with a separator: stable across runs and processes.
        var h = 0xCBF29CE484222325UL;
        foreach (var v in values)
        {
            foreach (var c in v.AsSpan().Trim())
            {
                h = (h ^ c) * 0x100000001B3UL;
            }

            h = (h ^ 0x1F) * 0x100000001B3UL;
        }

        return h.ToString("x16", CultureInfo.InvariantCulture);
    }
}
