using System.Globalization;
using Stayline.Domain.Board;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Domain.Respondents;

namespace Stayline.Domain.Documents;

/// <summary>Everything known about one person that a template may use, loaded by the caller.</summary>
public sealed record PersonMergeFacts(
    Person Person,
    Facility? Facility,
    DateOnly? DetainedSince,
    RemovalOrder? RemovalOrder,
    IReadOnlyList<Conviction> Convictions,
    IReadOnlyList<Matter> Matters,
    ClassAction? Class,
    string? AttorneyName,
    string? AttorneyEmail,
    RespondentSet? Respondents = null,
    Signer? Signer = null);

/// <summary>The attorney who drafts (and will sign): name, e-mail and bar admissions from their profile; null when the
/// draft is made by nobody signed in (the command line) or by someone without a profile.</summary>
public sealed record Signer(string Name, string? Email, IReadOnlyList<BarAdmission> Admissions);

/// <summary>
/// The merge fields, one name per fact. The catalogue (<see cref="Catalogue"/>) is what the template guide
/// and `stayline docs fields` show, so a lawyer editing in Word knows what to type.
/// </summary>
public static class PersonMergeFields
{
    public static readonly IReadOnlyList<(string Field, string Meaning)> Catalogue =
    [
        ("person.full_name", "primary name, given then family"),
        ("person.given_name / person.family_name", "name parts"),
        ("person.native_name", "name in its original script (e.g. Arabic)"),
        ("person.a_number", "A-number as A012-345-678"),
        ("person.birth_date", "birth date (the year only when only the year is known or the day is a suspected placeholder such as 1 January)"),
        ("person.born", "\"on March 4, 1966\" or, when only the year is known or the day is a suspected placeholder, \"in 1966\""),
        ("person.citizenship / person.languages", "country of citizenship, languages"),
        ("#each person.aliases: full_name, given_name, family_name, source", "other spellings of the name"),
        ("#each person.convictions: offence, date, sentence, completed", "criminal history"),
        ("custody.status / custody.since", "Detained, Released, Removed; first day of the current detention"),
        ("custody.facility.name, .address, .city, .state, .field_office", "where the person is held"),
        ("court.district / court.division / court.circuit / court.name", "federal court where the facility sits (habeas venue)"),
        ("respondents.warden / .field_office_director / .secretary / .attorney_general", "\"Name, Title\" of who held each office on the draft's date"),
        ("respondents.name_field_office_director / .name_secretary / .name_attorney_general", "whether the district's rule names that office as a respondent"),
        ("removal_order.date, .issued_by, .country, .in_absentia", "the final order of removal"),
        ("#each matters: kind, status, court, case_number, filed, decided", "proceedings and filings"),
        ("class.name, class.court, class.case_number", "the class action the person belongs to"),
        ("attorney.name / attorney.email", "assigned attorney"),
        ("signature.name / .email", "the drafting attorney (the signed-in user who drafts), from their profile"),
        ("signature.district_admission", "the drafting attorney's admission to the court's district (missing when they have none)"),
        ("signature.bar_numbers / signature.admissions", "bar numbers; every admission, the court's district first"),
        ("today", "date of generation"),
    ];

    public static string LongDate(DateOnly d) => d.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static MergeObject For(PersonMergeFacts f, DateOnly today)
    {
        var p = f.Person;
        var person = new MergeObject("person")
            .Set("full_name", p.FullName, "full name")
            .Set("given_name", p.GivenName, "given name")
            .Set("family_name", p.FamilyName, "family name")
            .Set("native_name", p.NativeName, "name in original script")
            .Set("a_number", p.ANumberDisplay, "A-number")
            .Set("birth_date", BirthDate(p), "date of birth")
            .Set("born", Born(p), "date of birth")
            .Set("citizenship", p.Citizenship, "citizenship")
            .Set("languages", p.Languages, "languages")
            .Set("aliases", p.Aliases.Select(a => new MergeObject("alias")
                .Set("full_name", a.FullName, "alias name").Set("given_name", a.GivenName).Set("family_name", a.FamilyName).Set("source", a.Source)))
            .Set("convictions", f.Convictions.Select(c => new MergeObject("conviction")
                .Set("offence", c.Offence).Set("date", Date(c.ConvictedOn)).Set("sentence", c.Sentence).Set("completed", c.SentenceCompleted)));

        var fac = f.Facility;
        var facility = new MergeObject("detention facility")
            .Set("name", fac?.Name, "detention facility")
            .Set("address", fac is null ? null : string.Join(", ", new[] { fac.Street, fac.City, $"{fac.State} {fac.Zip}".Trim() }
                .Where(s => !string.IsNullOrWhiteSpace(s))), "facility address")
            .Set("city", fac?.City).Set("state", fac?.State)
            .Set("field_office", fac?.FieldOffice, "ICE field office");
        var custody = new MergeObject("custody")
            .Set("status", p.CustodyStatus == CustodyStatus.Unknown ? null : p.CustodyStatus.ToString(), "custody status")
            .Set("since", Date(f.DetainedSince), "date detained")
            .Set("facility", facility);
        var court = new MergeObject("court")
            .Set("district", fac?.District, "federal district")
            .Set("division", fac?.Division, "division of the district")
            .Set("circuit", fac?.Circuit, "federal circuit")
            .Set("name", fac?.District is { } d ? $"United States District Court, {d}" : null, "district court");

        var o = f.RemovalOrder;
        var removal = new MergeObject("removal order")
            .Set("date", Date(o?.OrderedOn))
            .Set("issued_by", o is null ? null : o.IssuedBy == Adjudicator.Board ? "the Board of Immigration Appeals" : "an Immigration Judge", "removal order issuer")
            .Set("country", o?.CountryDesignated, "country designated for removal")
            .Set("in_absentia", o?.InAbsentia ?? false);

        var c = f.Class;
        return new MergeObject()
            .Set("person", person)
            .Set("custody", custody)
            .Set("court", court)
            .Set("removal_order", removal)
            .Set("matters", f.Matters.Select(m => new MergeObject("matter")
                .Set("kind", MatterNames.Of(m.Kind)).Set("status", m.Status.ToString().ToLowerInvariant())
                .Set("court", m.Court).Set("case_number", m.CaseNumber, "case number")
                .Set("filed", Date(m.FiledOn), "filing date").Set("decided", Date(m.DecidedOn), "decision date")))
            .Set("class", new MergeObject("class").Set("name", c?.Name, "class action").Set("court", c?.Court, "class action court")
                .Set("case_number", c?.CaseNumber, "class action case number"))
            .Set("respondents", Respondents(f.Respondents, fac, today))
            .Set("attorney", new MergeObject("attorney").Set("name", f.AttorneyName, "attorney name").Set("email", f.AttorneyEmail, "attorney e-mail"))
            .Set("signature", Signature(f.Signer, fac?.District))
            .Set("today", LongDate(today));
    }

    /// <summary>Who held each office on the draft's date; an office nobody is recorded in prints as a [MISSING: ...] marker.</summary>
    private static MergeObject Respondents(RespondentSet? set, Facility? facility, DateOnly today)
    {
        set ??= Stayline.Domain.Respondents.Respondents.For(facility, today, [], []);
        var o = new MergeObject("respondents");
        foreach (var (field, office) in new[] { ("warden", Office.Warden), ("field_office_director", Office.FieldOfficeDirector),
            ("secretary", Office.HomelandSecuritySecretary), ("attorney_general", Office.AttorneyGeneral) })
        {
            var named = set.Of(office);
            o.Set(field, named?.Caption, named?.Missing ?? $"{OfficeHolder.DefaultTitle(office)} (not named in this district)");
            if (office != Office.Warden)
            {
                o.Set("name_" + field, named is not null);
            }
        }

        return o;
    }

    /// <summary>
    /// The signature block from the drafting attorney's profile. Nothing is filled in that the profile does not hold: no
    /// admission to the court's district, no bar number or no profile at all each print as a [MISSING: ...] marker.
    /// </summary>
    private static MergeObject Signature(Signer? signer, string? district)
    {
        var admissions = signer is null ? [] : Volunteers.ForSignature(signer.Admissions, district);
        var inDistrict = admissions.FirstOrDefault(a => a.AdmitsTo(district));
        var numbers = admissions.Where(a => a.BarNumber is not null)
            .Select(a => a.Kind == AdmissionKind.StateBar ? $"{a.Jurisdiction} Bar No. {a.BarNumber}" : $"{a.Jurisdiction} No. {a.BarNumber}").Distinct().ToList();
        return new MergeObject("signature")
            .Set("name", signer?.Name, "drafting attorney's name")
            .Set("email", signer?.Email, "drafting attorney's e-mail")
            .Set("district_admission", inDistrict?.Describe(), district is null
                ? "drafting attorney's admission to the court (the facility has no district)"
                : $"drafting attorney's admission to the {district}")
            .Set("bar_numbers", numbers.Count == 0 ? null : string.Join("; ", numbers), "drafting attorney's bar number")
            .Set("admissions", admissions.Count == 0 ? null : string.Join("; ", admissions.Select(a => a.Describe())), "drafting attorney's bar admissions");
    }

    private static string? Date(DateOnly? d) => d is { } day ? LongDate(day) : null;

    /// <summary>A day the record itself doubts (a 1 January placeholder) is never printed as a fact: the year only.</summary>
    private static bool YearOnly(Person p) => p.BirthDatePrecision is BirthDatePrecision.YearOnly or BirthDatePrecision.SuspectedPlaceholder;

    private static string? BirthDate(Person p) => p.BirthDate switch
    {
        null => null,
        { } d when YearOnly(p) => d.Year.ToString(CultureInfo.InvariantCulture),
        { } d => LongDate(d),
    };

    private static string? Born(Person p) => p.BirthDate switch
    {
        null => null,
        { } d when YearOnly(p) => "in " + d.Year.ToString(CultureInfo.InvariantCulture),
        { } d => "on " + LongDate(d),
    };
}
