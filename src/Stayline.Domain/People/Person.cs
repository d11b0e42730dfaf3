using Stayline.Domain.Common;
using Stayline.Domain.Custody;

namespace Stayline.Domain.People;

/// <summary>Someone the team helps. The primary name lives here; other spellings are <see cref="PersonName"/> aliases.</summary>
public sealed class Person : IVersioned
{
    public long Id { get; private set; }
    public string? ANumber { get; private set; }
    public string GivenName { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    /// <summary>The name in its original script (e.g. Arabic), as written by the person or their family.</summary>
    public string? NativeName { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public BirthDatePrecision BirthDatePrecision { get; private set; }
    public string? Citizenship { get; private set; }
    public string? Languages { get; private set; }
    public bool ConsentGiven { get; private set; }
    public DateOnly? ConsentDate { get; private set; }

    // Optional particulars that identify the person on a list (see PersonInput); the linkage engine compares them.
    public string? BirthPlace { get; private set; }
    public string? FatherName { get; private set; }
    public string? MotherName { get; private set; }
    /// <summary>The city or town the person lives in (not the facility).</summary>
    public string? City { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }

    // Denormalised from custody episodes so that list filters stay index lookups; kept in step by
    // CustodyLedger, the only writer.
    public CustodyStatus CustodyStatus { get; internal set; }
    public long? CurrentFacilityId { get; internal set; }

    /// <summary>Lower-case, accent-free "given family" for sorting and display search.</summary>
    public string SortName { get; private set; } = "";
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The organisation the person is a client of (<see cref="Organisations.Organisation"/>); 0 until saved,
    /// when the saving user's organisation (or the coordinating one, for the command line) is filled in.</summary>
    public long OrganisationId { get; private set; }

    public List<PersonName> Aliases { get; private set; } = [];
    public List<FamilyContact> FamilyContacts { get; private set; } = [];
    public List<CustodyEpisode> CustodyEpisodes { get; private set; } = [];

    public string FullName => $"{GivenName} {FamilyName}".Trim();

    public string? ANumberDisplay => ANumber is null ? null : People.ANumber.FromStored(ANumber).Display;

    private Person()
    {
    }

    public static (Person? Person, IReadOnlyList<FieldError> Errors) Create(PersonInput input, DateOnly today, DateTimeOffset now)
    {
        var person = new Person { CreatedAt = now };
        var errors = person.Apply(input, today);
        return errors.Count == 0 ? (person, errors) : (null, errors);
    }

    /// <summary>Makes the person a client of an organisation (intake, import); sharing with others is separate.</summary>
    public void BelongTo(long organisationId) => OrganisationId = organisationId;

    /// <summary>Validates the whole input first and changes nothing when any field is wrong.</summary>
    public IReadOnlyList<FieldError> Update(PersonInput input, DateOnly today) => Apply(input, today);

    private IReadOnlyList<FieldError> Apply(PersonInput input, DateOnly today)
    {
        var v = new Validation();
        string? aNumber = null;
        if (!string.IsNullOrWhiteSpace(input.ANumber))
        {
            if (People.ANumber.TryParse(input.ANumber, out var parsed, out var error))
            {
                aNumber = parsed.Value.Digits;
            }
            else
            {
                v.Add(nameof(PersonInput.ANumber), error!);
            }
        }

        v.Require(!string.IsNullOrWhiteSpace(input.GivenName) || !string.IsNullOrWhiteSpace(input.FamilyName),
            nameof(PersonInput.FamilyName), $"Give at least a given name or a family name.");
        v.Require((input.GivenName?.Length ?? 0) <= 200, nameof(PersonInput.GivenName), $"Given name is longer than 200 characters.");
        v.Require((input.FamilyName?.Length ?? 0) <= 200, nameof(PersonInput.FamilyName), $"Family name is longer than 200 characters.");
        void Particular(string? value, string field, Sentence label)
        {
            if (value?.Length > ParticularLength)
            {
                v.Add(field, $"{label} is longer than {ParticularLength} characters.");
            }
        }

        Particular(input.BirthPlace, nameof(PersonInput.BirthPlace), Sentence.Of($"Place of birth"));
        Particular(input.FatherName, nameof(PersonInput.FatherName), Sentence.Of($"Father's name"));
        Particular(input.MotherName, nameof(PersonInput.MotherName), Sentence.Of($"Mother's name"));
        Particular(input.City, nameof(PersonInput.City), Sentence.Of($"City"));
        Particular(input.Email, nameof(PersonInput.Email), Sentence.Of($"E-mail"));
        Particular(input.Phone, nameof(PersonInput.Phone), Sentence.Of($"Phone"));

        // E-mail and phone are kept as written (a list's "ask the brother" is still worth reading); the linkage
        // engine compares only what looks like an address or a number.
        if (input.BirthDate is { } birth)
        {
            // The messages are built only for a wrong date: an import checks a million valid ones.
            if (birth > today)
            {
                v.Add(nameof(PersonInput.BirthDate), $"Birth date {birth:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
            }

            if (birth.Year < 1900)
            {
                v.Add(nameof(PersonInput.BirthDate), $"Birth date {birth:yyyy-MM-dd} is before 1900.");
            }
        }

        if (input.ConsentDate is { } consent)
        {
            v.Require(consent <= today, nameof(PersonInput.ConsentDate), $"Consent date is in the future.");
        }

        if (!v.IsValid)
        {
            return v.Errors;
        }

        ANumber = aNumber;
        GivenName = Clean(input.GivenName);
        FamilyName = Clean(input.FamilyName);
        NativeName = CleanOrNull(input.NativeName);
        BirthDate = input.BirthDate;
        BirthDatePrecision = BirthDates.Infer(input.BirthDate, input.BirthDatePrecision);
        Citizenship = CleanOrNull(input.Citizenship);
        Languages = CleanOrNull(input.Languages);
        ConsentGiven = input.ConsentGiven;
        ConsentDate = input.ConsentGiven ? input.ConsentDate : null;
        BirthPlace = CleanOrNull(input.BirthPlace);
        FatherName = CleanOrNull(input.FatherName);
        MotherName = CleanOrNull(input.MotherName);
        City = CleanOrNull(input.City);
        Email = CleanOrNull(input.Email);
        Phone = CleanOrNull(input.Phone);
        SortName = SearchText.Fold(FullName);
        return v.Errors;
    }

    public PersonInput ToInput() => new(ANumberDisplay, GivenName, FamilyName, NativeName, BirthDate,
        BirthDatePrecision, Citizenship, Languages, ConsentGiven, ConsentDate, BirthPlace, FatherName, MotherName, City, Email, Phone);

    /// <summary>Longest value of a particular: a place, a name, an address or a number, not a document.</summary>
    public const int ParticularLength = 200;
    public IReadOnlyList<FieldError> AddAlias(string? given, string? family, string? source)
    {
        var v = new Validation();
        v.Require(!string.IsNullOrWhiteSpace(given) || !string.IsNullOrWhiteSpace(family), "Alias", $"An alias needs a given or a family name.");
        if (v.IsValid)
        {
            Aliases.Add(new PersonName(Clean(given), Clean(family), CleanOrNull(source)));
        }

        return v.Errors;
    }

    private static string Clean(string? s)
    {
        if (s is null)
        {
            return "";
        }

        // The usual value is clean already (single spaces between words): keep it rather than copy it (an import
        // holds a million people in memory).
        var afterSpace = true;
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                afterSpace = false;
            }
            else if (c != ' ' || afterSpace)
            {
                return string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                afterSpace = true;
            }
        }

        return afterSpace ? s.TrimEnd() : s;
    }

    private static string? CleanOrNull(string? s) => string.IsNullOrWhiteSpace(s) ? null : Clean(s);
}
