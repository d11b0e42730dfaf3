using System.Globalization;
using System.Text;

namespace Matching.Bench;

/// <summary>
/// Synthetic detainee lists with the variation real lists show for Arabic-origin names: transliteration
/// variants (Mohammed/Muhammad/Mhd, Yousif/Yusuf), article forms (Al-Rubaie/Al Rubaie/Alrubaie/Rubaie),
/// an added or dropped father's name, swapped given/family, typos, capitals, month-first or day-first or
/// 1 January birth dates, A-numbers with or without the A, dashes or the leading zero. Also writes the
/// truth (which rows are the same person) for precision and recall.
/// </summary>
internal sealed class Synthetic
{
    private static readonly string[][] Given =
    [
        ["Mohammed", "Muhammad", "Mohamed", "Mohamad", "Mhd", "Mohammad"], ["Yousif", "Yousef", "Youssef", "Yusuf"],
        ["Ahmed", "Ahmad"], ["Ali"], ["Hussein", "Husain", "Hussain", "Husayn"], ["Hassan", "Hasan"], ["Omar", "Umar"],
        ["Abdul Rahman", "Abd al-Rahman", "Abdulrahman", "Abdelrahman"], ["Abdullah", "Abdallah", "Abd Allah"],
        ["Khalid", "Khaled"], ["Mahmoud", "Mahmud"], ["Mustafa", "Mostafa"], ["Ibrahim", "Ebrahim"], ["Karim", "Kareem"],
        ["Jamal", "Gamal"], ["Rami"], ["Sami", "Samy"], ["Nabil", "Nabeel"], ["Faisal", "Faysal"], ["Tariq", "Tarek", "Tarik"],
        ["Walid", "Waleed"], ["Hamid", "Hameed"], ["Majid", "Majeed"], ["Adel", "Adil"], ["Bashar"], ["Ziad", "Ziyad"],
        ["Qasim", "Kassem", "Qassim"], ["Haidar", "Haider", "Hayder"], ["Abbas"], ["Jafar", "Jaafar"], ["Kadhim", "Kazim", "Kathem"],
        ["Sattar"], ["Nouri", "Nuri"], ["Emad", "Imad"], ["Raad", "Ra'ad"], ["Salim", "Saleem"], ["Yasir", "Yasser", "Yaser"],
        ["Wissam", "Wisam"], ["Firas"], ["Muhannad", "Muhanad"], ["Mazin", "Mazen"], ["Ammar"], ["Ayman"], ["Basim", "Basem"],
        ["Hani", "Hany"], ["Fadi", "Fady"], ["Sabah"], ["Falah"], ["Louay", "Luay"], ["Hanna", "Hana"], ["Georges", "George", "Jirjis"],
        ["Boutros", "Butrus"], ["Elias", "Ilyas"], ["Sargon"], ["Ninos"], ["Ashur", "Ashour"], ["Matti", "Matty"], ["Shamoun", "Shamon"],
        ["Rafid", "Rafed"], ["Sabri"], ["Basil", "Basel"], ["Daniel"], ["Yacoub", "Yaqub"], ["Issa", "Isa"], ["Bashir", "Basheer"],
        ["Amir", "Ameer"], ["Samir", "Sameer"], ["Munir", "Mounir"], ["Kamal", "Kamel"], ["Fatima", "Fatimah"], ["Zainab", "Zaynab"],
        ["Maryam", "Mariam"], ["Noor", "Nour", "Nur"], ["Huda", "Hoda"], ["Layla", "Leila"], ["Aisha", "Aysha"], ["Rana"],
        ["Sara", "Sarah"], ["Samira", "Sameera"], ["Nadia"], ["Suha"], ["Shatha", "Shaza"], ["Iman", "Eman"], ["Saif al-Din", "Saifuddin", "Saif Eddine"],
        ["Nur al-Din", "Nooruddin", "Noureddine"], ["Abdul Karim", "Abdelkarim", "Abd al-Karim"], ["Abdul Aziz", "Abdelaziz", "Abd al-Aziz"],
    ];

    private static readonly string[] Onsets = ["b", "d", "f", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "z", "gh", "dh", "w", "y"];
    private static readonly string[] Vowels = ["a", "i", "u", "ou", "ee", "o", "ai"];

    private readonly Random _random;
    private readonly string[] _families;

    public Synthetic(int seed, int familyCount)
    {
        _random = new Random(seed);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < familyCount)
        {
            // CVCVC(i) stems, in the shape of Iraqi family and tribal names (Jaburi, Rubaie, Kassab).
            var sb = new StringBuilder();
            var syllables = 2 + _random.Next(2);
            for (var s = 0; s < syllables; s++)
            {
                sb.Append(Pick(Onsets)).Append(Pick(Vowels));
            }

            sb.Append(Pick(Onsets));
            if (_random.NextDouble() < 0.5)
            {
                sb.Append('i');
            }

            var stem = sb.ToString();
            set.Add(char.ToUpperInvariant(stem[0]) + stem[1..]);
        }

        _families = [.. set];
    }

    public sealed record Person(int GivenGroup, int FatherGroup, int Family, bool Article, int Year, int Month, int Day, bool YearOnly, string? ANumber);

    public Person NewPerson()
    {
        var year = 1950 + _random.Next(56);
        var placeholder = _random.NextDouble() < 0.08;
        var month = placeholder ? 1 : 1 + _random.Next(12);
        var day = placeholder ? 1 : 1 + _random.Next(28);
        var aNumber = _random.NextDouble() < 0.6 ? (_random.Next(2) == 0 ? "0" : "2") + _random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) : null;
        return new Person(Zipf(Given.Length), Zipf(Given.Length), Zipf(_families.Length), _random.NextDouble() < 0.6, year, month, day, _random.NextDouble() < 0.03, aNumber);
    }

    /// <summary>A row for the person: canonical (variation 0) or a re-typed copy with realistic variation.</summary>
    public string[] Row(string id, Person p, bool vary)
    {
        var given = vary && _random.NextDouble() < 0.4 ? Pick(Given[p.GivenGroup]) : Given[p.GivenGroup][0];
        var father = vary && _random.NextDouble() < 0.3 ? Pick(Given[p.FatherGroup]) : Given[p.FatherGroup][0];
        var withFather = vary ? _random.NextDouble() < 0.5 : true;
        var givenField = withFather ? given + " " + father : given;
        var family = _families[p.Family];
        var familyField = !p.Article ? family : (vary ? _random.Next(5) : 0) switch
        {
            0 => "Al-" + family,
            1 => "Al " + family,
            2 => "Al" + family.ToLowerInvariant(),
            3 => family,
            _ => "El-" + family,
        };
        if (vary && _random.NextDouble() < 0.2)
        {
            familyField = Typo(familyField);
        }
        else if (vary && _random.NextDouble() < 0.1)
        {
            givenField = Typo(givenField);
        }

        if (vary && _random.NextDouble() < 0.05)
        {
            (givenField, familyField) = (familyField, givenField);
        }

        if (vary && _random.NextDouble() < 0.3)
        {
            givenField = givenField.ToUpperInvariant();
            familyField = familyField.ToUpperInvariant();
        }

        var dob = Dob(p, vary);
        var aNumber = p.ANumber is null || (vary && _random.NextDouble() < 0.3) ? string.Empty : FormatANumber(p.ANumber, vary);
        return [id, givenField, familyField, dob, aNumber, "Iraq"];
    }

    private string Dob(Person p, bool vary)
    {
        if (p.YearOnly)
        {
            return p.Year.ToString(CultureInfo.InvariantCulture);
        }

        var (y, m, d) = (p.Year, p.Month, p.Day);
        if (vary)
        {
            var r = _random.NextDouble();
            if (r < 0.05)
            {
                return string.Empty;
            }

            if (r < 0.10)
            {
                (m, d) = (1, 1);
            }
            else if (r < 0.13)
            {
                y += _random.Next(2) == 0 ? 1 : -1;
            }

            switch (_random.Next(3))
            {
                case 1:
                    return string.Create(CultureInfo.InvariantCulture, $"{m:D2}/{d:D2}/{y:D4}");
                case 2:
                    return string.Create(CultureInfo.InvariantCulture, $"{d:D2}/{m:D2}/{y:D4}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}-{d:D2}");
    }

    private string FormatANumber(string digits, bool vary) => (vary ? _random.Next(4) : 0) switch
    {
        0 => digits,
        1 => "A" + digits,
        2 => $"A{digits[..3]}-{digits[3..6]}-{digits[6..]}",
        _ => digits.StartsWith('0') ? "A" + digits[1..] : digits,
    };

    private string Typo(string s)
    {
        if (s.Length < 4)
        {
            return s;
        }

        var i = 1 + _random.Next(s.Length - 2);
        if (!char.IsLetter(s[i]) || !char.IsLetter(s[i + 1]))
        {
            return s;
        }

        return _random.Next(3) switch
        {
            0 => s.Remove(i, 1),
            1 => s.Insert(i, s[i].ToString()),
            _ => string.Concat(s.AsSpan(0, i), s[i + 1].ToString(), s[i].ToString(), s.AsSpan(i + 2)),
        };
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    // Names are not uniform: a few given and family names are very common.
    private int Zipf(int n)
    {
        var u = _random.NextDouble();
        return (int)Math.Min(n - 1, Math.Floor(Math.Pow(n + 1, u)) - 1);
    }

    public static void WriteCsv(string path, IEnumerable<string[]> rows)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("id,given_name,family_name,dob,a_number,country\n");
        foreach (var r in rows)
        {
            w.Write(string.Join(',', r.Select(f => f.Contains(',', StringComparison.Ordinal) ? "\"" + f + "\"" : f)));
            w.Write('\n');
        }
    }

    /// <summary>Dedup file: <paramref name="count"/> rows, about a quarter re-typed copies of other rows. Truth: id,person.</summary>
    public static void WriteDedup(string dir, int count, int seed)
    {
        var g = new Synthetic(seed, Math.Max(2000, count / 40));
        var people = new List<Person>();
        var rows = new List<string[]>(count);
        var truth = new List<int>(count);
        var seen = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            int who;
            if (people.Count > 0 && g._random.NextDouble() < 0.25)
            {
                who = g._random.Next(people.Count);
            }
            else
            {
                people.Add(g.NewPerson());
                who = people.Count - 1;
            }

            rows.Add(g.Row("r" + i.ToString(CultureInfo.InvariantCulture), people[who], vary: !seen.Add(who) || g._random.NextDouble() < 0.5));
            truth.Add(who);
        }

        WriteCsv(Path.Combine(dir, $"dedup-{count}.csv"), rows);
        File.WriteAllLines(Path.Combine(dir, $"dedup-{count}.truth"), truth.Select(t => t.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Two files of <paramref name="count"/> rows; half the right rows re-type a left person.</summary>
    public static void WriteLink(string dir, int count, int seed)
    {
        var g = new Synthetic(seed, Math.Max(2000, count / 20));
        var left = new List<Person>(count);
        for (var i = 0; i < count; i++)
        {
            left.Add(g.NewPerson());
        }

        var leftRows = left.Select((p, i) => g.Row("L" + i.ToString(CultureInfo.InvariantCulture), p, vary: false)).ToList();
        var rightRows = new List<string[]>(count);
        var truth = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = "R" + i.ToString(CultureInfo.InvariantCulture);
            if (g._random.NextDouble() < 0.5)
            {
                var who = g._random.Next(count);
                rightRows.Add(g.Row(id, left[who], vary: true));
                truth.Add($"L{who.ToString(CultureInfo.InvariantCulture)},{id}");
            }
            else
            {
                rightRows.Add(g.Row(id, g.NewPerson(), vary: true));
            }
        }

        WriteCsv(Path.Combine(dir, $"left-{count}.csv"), leftRows);
        WriteCsv(Path.Combine(dir, $"right-{count}.csv"), rightRows);
        File.WriteAllLines(Path.Combine(dir, $"link-{count}.truth"), truth);
    }
}
