using Stayline.Domain.Custody;

namespace Stayline.Domain.Respondents;

/// <summary>One respondent of a petition: the office, and who held it on the petition's date (null: nobody recorded).</summary>
public sealed record Respondent(Office Office, OfficeHolder? Holder, string Missing)
{
    /// <summary>"Name, Title" as a caption states it; null when nobody is recorded in the office on the date.</summary>
    public string? Caption => Holder is { } h ? $"{h.Name}, {h.Title}" : null;
}

/// <summary>The respondents of a habeas petition for someone held at a facility, as of the petition's date.</summary>
public sealed record RespondentSet(DateOnly On, string? District, RespondentRule? Rule, IReadOnlyList<Respondent> Named)
{
    public Respondent? Of(Office office) => Named.FirstOrDefault(r => r.Office == office);
}

public static class Respondents
{
    /// <summary>
    /// Who a petition dated <paramref name="on"/> names: always the immediate custodian (the facility's warden or
    /// administrator: Rumsfeld v. Padilla, 542 U.S. 426, 434-35 (2004)), then the officials the district's rule adds.
    /// Where two terms overlap on the day (an admin has not ended the earlier one) the later start is named.
    /// </summary>
    public static RespondentSet For(Facility? facility, DateOnly on, IEnumerable<OfficeHolder> holders, IEnumerable<RespondentRule> rules)
    {
        var inOffice = holders.Where(h => h.InOfficeOn(on)).OrderByDescending(h => h.From).ThenByDescending(h => h.Id).ToList();
        var ruleList = rules.ToList();
        var district = facility?.District;
        var rule = ruleList.FirstOrDefault(r => district is not null && string.Equals(r.District, district, StringComparison.Ordinal))
            ?? ruleList.FirstOrDefault(r => r.District == RespondentRule.AnyDistrict);

        var facilityName = facility?.Name ?? "the detention facility";
        var named = new List<Respondent>
        {
            new(Office.Warden, facility is null ? null : inOffice.FirstOrDefault(h => h.Office == Office.Warden && h.FacilityId == facility.Id),
                $"name of the warden or administrator of {facilityName}"),
        };

        // Without any rule the petition names every office: a superfluous respondent can be dismissed, a missing custodian cannot be added after a transfer.
        if (rule?.NameFieldOfficeDirector ?? true)
        {
            var office = facility?.FieldOffice;
            named.Add(new(Office.FieldOfficeDirector,
                office is null ? null : inOffice.FirstOrDefault(h => h.Office == Office.FieldOfficeDirector
                    && string.Equals(h.FieldOffice, office, StringComparison.OrdinalIgnoreCase)),
                $"name of the ICE field office director{(office is null ? "" : $" ({office})")}"));
        }

        if (rule?.NameSecretary ?? true)
        {
            named.Add(new(Office.HomelandSecuritySecretary, inOffice.FirstOrDefault(h => h.Office == Office.HomelandSecuritySecretary),
                "name of the Secretary of Homeland Security"));
        }

        if (rule?.NameAttorneyGeneral ?? true)
        {
            named.Add(new(Office.AttorneyGeneral, inOffice.FirstOrDefault(h => h.Office == Office.AttorneyGeneral),
                "name of the Attorney General"));
        }

        return new RespondentSet(on, district, rule, named);
    }
}
