using Stayline.Domain.Common;
namespace Stayline.Domain.Importing;

/// <summary>What a column of an imported list holds.</summary>
public enum ImportField
{
    Ignore,
    ANumber,
    GivenName,
    FamilyName,
    /// <summary>"FAMILY, Given" or "Given [Father] Family" in one column.</summary>
    FullName,
    NativeName,
    BirthDate,
    Citizenship,
    Languages,
    Facility,
    /// <summary>The day the person was detained at the facility (default: the day of the import).</summary>
    DetainedSince,
    // Optional particulars (PersonInput): stored on the person and compared by the linkage engine when both records have them.
    BirthPlace,
    FatherName,
    MotherName,
    /// <summary>The city or town the person lives in.</summary>
    City,
    Email,
    Phone,
}

/// <summary>The field of each column of a file, and what the user should know about the columns.</summary>
public sealed record ColumnMapping(IReadOnlyList<string> Header, IReadOnlyList<ImportField> Fields, IReadOnlyList<Sentence> Warnings, IReadOnlyList<ImportError> Errors)
{
    public int IndexOf(ImportField field)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] == field)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"A-Number", "a_number", "A #" and "ANumber" are the same header.</summary>
    public static string NormaliseHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return "";
        }

        var chars = new List<char>(header.Length);
        foreach (var c in header.Trim())
        {
            if (c == '#')
            {
                chars.AddRange("number");
            }
            else if (char.IsLetterOrDigit(c))
            {
                chars.Add(char.ToLowerInvariant(c));
            }
        }

        return new string([.. chars]);
    }

    // Headers seen on government detainee lists, court exports and hotline sheets.
    private static readonly Dictionary<string, ImportField> Defaults = Build(
        (ImportField.ANumber, "anumber,alienumber,aliennumber,alienno,alienregistrationnumber,anum,ano,anr,a,aid,afile,afilenumber,uscisnumber"),
        (ImportField.GivenName, "firstname,first,given,givenname,givennames,forename,forenames,name1,fname"),
        (ImportField.FamilyName, "lastname,last,family,familyname,surname,name2,lname"),
        (ImportField.FullName, "name,fullname,detaineename,personname,clientname"),
        (ImportField.NativeName, "nativename,arabicname,nameinarabic,originalscript,nativescript"),
        (ImportField.BirthDate, "dob,dateofbirth,birthdate,birthday,born,bdate,birth"),
        (ImportField.Citizenship, "country,citizenship,countryofcitizenship,nationality,countryofbirth,cob,coc"),
        (ImportField.Languages, "language,languages,primarylanguage"),
        (ImportField.Facility, "facility,detentionfacility,detentioncenter,detentioncentre,location,currentfacility,facilityname,detainedat"),
        (ImportField.DetainedSince, "detainedsince,detained,detentiondate,bookindate,bookin,arrestdate,datedetained,arrested"),
        (ImportField.BirthPlace, "placeofbirth,birthplace,pob,cityofbirth,bornin"),
        (ImportField.FatherName, "fathername,fathersname,father,fathersfirstname,nameoffather"),
        (ImportField.MotherName, "mothername,mothersname,mother,mothersfirstname,nameofmother"),
        (ImportField.City, "city,town,residence,cityofresidence,homecity"),
        (ImportField.Email, "email,emailaddress,mail"),
        (ImportField.Phone, "phone,telephone,phonenumber,mobile,tel,cell,mobilenumber,cellphone"));

    /// <summary>The header names (normalised) read as <paramref name="field"/>: the match command's reader uses the same.</summary>
    public static IReadOnlyList<string> HeadersOf(ImportField field) => [.. Defaults.Where(d => d.Value == field).Select(d => d.Key)];

    private static Dictionary<string, ImportField> Build(params (ImportField Field, string Headers)[] table)
    {
        var map = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var (field, headers) in table)
        {
            foreach (var h in headers.Split(','))
            {
                map[h] = field;
            }
        }

        return map;
    }

    /// <summary>Reads a field name as a user writes it in a mapping file: "a_number", "Given name", "dob", "ignore".</summary>
    public static bool TryParseField(string? text, out ImportField field)
    {
        var key = NormaliseHeader(text);
        if (Enum.TryParse(key, ignoreCase: true, out field) && Enum.IsDefined(field) && !int.TryParse(key, out _))
        {
            return true;
        }

        if (key is "skip" or "none" or "")
        {
            field = ImportField.Ignore;
            return true;
        }

        return Defaults.TryGetValue(key, out field);
    }

    /// <summary>
    /// Maps each column: the saved mapping (header -> field) first, then the default headers. A saved mapping
    /// that names a header the file lacks is an error (the file is not the one the mapping was made for);
    /// columns nobody maps are reported as warnings and ignored.
    /// </summary>
    public static ColumnMapping Resolve(IReadOnlyList<string> header, IReadOnlyDictionary<string, ImportField>? saved)
    {
        var errors = new List<ImportError>();
        var warnings = new List<Sentence>();
        var normalised = header.Select(NormaliseHeader).ToArray();
        var savedByKey = new Dictionary<string, (string Header, ImportField Field)>(StringComparer.Ordinal);
        foreach (var (h, f) in saved ?? new Dictionary<string, ImportField>())
        {
            savedByKey[NormaliseHeader(h)] = (h, f);
        }

        foreach (var (key, (h, _)) in savedByKey)
        {
            if (!normalised.Contains(key, StringComparer.Ordinal))
            {
                errors.Add(new ImportError(1, h, null, Sentence.Of($"The mapping names column \"{h}\", which this file does not have (its columns: {string.Join(", ", header)}).")));
            }
        }

        var fields = new ImportField[header.Count];
        var seen = new Dictionary<ImportField, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var f = savedByKey.TryGetValue(normalised[i], out var s) ? s.Field
                : Defaults.TryGetValue(normalised[i], out var d) ? d
                : ImportField.Ignore;
            if (f == ImportField.Ignore && !savedByKey.ContainsKey(normalised[i]) && normalised[i].Length > 0)
            {
                warnings.Add(Sentence.Of($"Column \"{header[i]}\" is not mapped to any field and will be ignored."));
            }

            if (f != ImportField.Ignore && seen.TryGetValue(f, out var first))
            {
                errors.Add(new ImportError(1, header[i], null, Sentence.Of($"Columns \"{header[first]}\" and \"{header[i]}\" are both mapped to {f}; map one of them to Ignore.")));
                f = ImportField.Ignore;
            }
            else if (f != ImportField.Ignore)
            {
                seen[f] = i;
            }

            fields[i] = f;
        }

        if (!seen.ContainsKey(ImportField.GivenName) && !seen.ContainsKey(ImportField.FamilyName) && !seen.ContainsKey(ImportField.FullName))
        {
            errors.Add(new ImportError(1, null, null,
                Sentence.Of($"No column holds a name: expected a header such as \"Last Name\", \"First Name\" or \"Name\" (found: {string.Join(", ", header)}); map one with a mapping.")));
        }

        return new ColumnMapping(header, fields, warnings, errors);
    }
}
