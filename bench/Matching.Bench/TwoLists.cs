using System.Globalization;
using System.Text;
using Stayline.Domain.Matching;
using Stayline.Domain.People;

namespace Matching.Bench;

/// <summary>
/// A two-list set shaped like the Hamama crisis: a government list of Iraqi and Chaldean detainees (canonical
/// spellings, most with an A-number) and a family hotline's sheet (the same people re-typed by relatives,
/// few A-numbers), with relatives and namesakes as hard negatives. Variation on the hotline side:
/// transliteration families (Gorgis/Georgis/Jirjis, Boutros/Putrus, Riyadh/Riad, Kadhim/Kazim/Kathim ...),
/// spelling rules on family names (ou/u, ee/i, doubled letters, final h/ah, ei/ai/ay, q/k/g, dh/d/z, th/t),
/// the article and its spacing, Abd compounds, the father's and grandfather's names added or dropped,
/// names in Arabic script, birth dates missing / 1 January / a typo or transposed digits / day and month
/// swapped. Hard negatives on both sides: brothers (same father and family, other given name and date),
/// namesakes (same given and family name, other date, maybe other father), cousins (same given and family,
/// other father), father and son written with bin (Salman bin Muhammad / Muhammad bin Salman).
/// `twolists SEED` links the two lists with the production defaults and prints precision, recall and F1.
/// </summary>
internal sealed partial class TwoLists
{
    // Latin spellings of one name (first = the form a government clerk writes), then its Arabic-script form.
    private static readonly (string[] Latin, string Arabic)[] GivenNames =
    [
        (["Mohammed", "Muhammad", "Mohamed", "Mohamad", "Mhd"], "محمد"), (["Ali"], "علي"),
        (["Yousif", "Yousef", "Youssef", "Yusuf"], "يوسف"), (["Ahmed", "Ahmad"], "أحمد"), (["Hussein", "Husain", "Hussain", "Husayn"], "حسين"),
        (["Hassan", "Hasan"], "حسن"), (["Gorgis", "Georgis", "Jirjis", "Girgis", "Gewargis"], "جرجس"), (["Boutros", "Butrus", "Putrus", "Botros"], "بطرس"),
        (["Yaqub", "Yacoub", "Yakoub", "Yaqoob"], "يعقوب"), (["Hermiz", "Hormiz", "Hurmiz"], "هرمز"), (["Riyadh", "Riad", "Riyad"], "رياض"),
        (["Kadhim", "Kazim", "Kathim", "Kadim"], "كاظم"), (["Thamer", "Tamer", "Thamir"], "ثامر"), (["Dhiya", "Ziya", "Diya"], "ضياء"),
        (["Qasim", "Kassem", "Gasim", "Qassim"], "قاسم"), (["Jamal", "Gamal"], "جمال"), (["Daoud", "Dawood", "Dawud", "Daud"], "داود"),
        (["Haidar", "Hayder", "Heider", "Haydar"], "حيدر"), (["Faisal", "Faysal", "Feisal"], "فيصل"), (["Zaid", "Zayd", "Zeid"], "زيد"),
        (["Saad", "Sa'ad", "Sad"], "سعد"), (["Abdul Karim", "Abd al-Karim", "Abdelkarim", "Abdulkarim"], "عبد الكريم"),
        (["Abdul Masih", "Abd al-Masih", "Abdulmasih", "Abdelmasih"], "عبد المسيح"), (["Abdullah", "Abdallah", "Abd Allah"], "عبدالله"),
        (["Ilyas", "Elias", "Elyas"], "الياس"), (["Shamoun", "Shamon", "Shimun"], "شمعون"), (["Matti", "Matty", "Mattie"], "متي"),
        (["Hanna", "Hana"], "حنا"), (["Nouri", "Nuri", "Noori"], "نوري"), (["Sabah"], "صباح"), (["Karim", "Kareem"], "كريم"),
        (["Salim", "Saleem", "Selim"], "سليم"), (["Nabil", "Nabeel"], "نبيل"), (["Walid", "Waleed"], "وليد"), (["Raed", "Ra'ed", "Raid"], "رائد"),
        (["Sami", "Samy", "Sammy"], "سامي"), (["Majid", "Majeed", "Maged"], "ماجد"), (["Ibrahim", "Ebrahim", "Ibraheem"], "ابراهيم"),
        (["Ismail", "Ismael", "Esmail"], "اسماعيل"), (["Khalil", "Khaleel"], "خليل"), (["Mahmoud", "Mahmood", "Mahmud"], "محمود"),
        (["Mikhail", "Mikhael", "Mekhail"], "ميخائيل"), (["Najib", "Najeeb", "Nageeb"], "نجيب"), (["Thaer", "Thair", "Tha'er"], "ثائر"),
        (["Adel", "Adil", "Aadel"], "عادل"), (["Fadi", "Fady"], "فادي"), (["Ramzi", "Ramzy"], "رمزي"), (["Wadie", "Wadi", "Wadee"], "وديع"),
        (["Kamil", "Kamel", "Kameel"], "كامل"), (["Louis", "Luis"], "لويس"), (["Sargon"], "سركون"), (["Ninos"], "نينوس"),
        (["Ashur", "Ashour", "Assur"], "آشور"), (["Basim", "Basem", "Bassim"], "باسم"), (["Muwaffaq", "Mowafak", "Muwafaq"], "موفق"),
        (["Jabbar", "Jabar"], "جبار"), (["Sattar", "Satar"], "ستار"), (["Imad", "Emad"], "عماد"), (["Jafar", "Jaafar", "Ja'far"], "جعفر"),
    ];

    // Family and clan names with their Arabic-script form, in the government list's spelling.
    private static readonly (string Latin, string Arabic, bool Article)[] RealFamilies =
    [
        ("Hamama", "حمامة", false), ("Kubaisi", "الكبيسي", true), ("Jaburi", "الجبوري", true), ("Kassab", "قصاب", false),
        ("Yono", "يونو", false), ("Kallabat", "كلابات", false), ("Dulaimi", "الدليمي", true), ("Tikriti", "التكريتي", true),
        ("Rubaie", "الربيعي", true), ("Shammari", "الشمري", true), ("Sheikho", "شيخو", false), ("Kakos", "ككوس", false),
        ("Jarjis", "جرجيس", false), ("Toma", "توما", false), ("Hakim", "الحكيم", true), ("Saffar", "الصفار", true),
        ("Najjar", "النجار", true), ("Haddad", "الحداد", true), ("Khafaji", "الخفاجي", true), ("Ubaidi", "العبيدي", true),
        ("Zubaidi", "الزبيدي", true), ("Bazzi", "بزي", false), ("Attiyah", "عطية", false), ("Qasab", "قصب", false),
    ];

    private static readonly string[] Onsets = ["b", "d", "f", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "z", "gh", "dh", "w", "y", "th"];
    private static readonly string[] Vowels = ["a", "i", "u", "ou", "ee", "o", "ai", "aa"];

    private readonly Random _random;
    private readonly List<(string Latin, string? Arabic, bool Article)> _families = [];

    private TwoLists(int seed, int generatedFamilies)
    {
        _random = new Random(seed);
        foreach (var f in RealFamilies)
        {
            _families.Add((f.Latin, f.Arabic, f.Article));
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < generatedFamilies)
        {
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
            if (set.Add(stem))
            {
                _families.Add((char.ToUpperInvariant(stem[0]) + stem[1..], null, _random.NextDouble() < 0.5));
            }
        }
    }

    private sealed record Person(int Given, int Father, int Grandfather, int Family, int Year, int Month, int Day, string? ANumber, bool BinForm);

    private readonly record struct Row(string Id, string Given, string Family, string Dob, string ANumber, string Country);

    private Person NewPerson()
    {
        var placeholder = _random.NextDouble() < 0.1;
        return new Person(
            Zipf(GivenNames.Length), Zipf(GivenNames.Length), Zipf(GivenNames.Length), Zipf(_families.Count),
            1950 + _random.Next(55), placeholder ? 1 : 1 + _random.Next(12), placeholder ? 1 : 1 + _random.Next(28),
            (_random.Next(2) == 0 ? "0" : "2") + _random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            _random.NextDouble() < 0.03);
    }

    // Hard negatives: a relative or namesake of p (a different person).
    private Person Relative(Person p)
    {
        var other = NewPerson();
        return _random.Next(4) switch
        {
            // Brother: same father, grandfather and family; another given name and date.
            0 => other with { Father = p.Father, Grandfather = p.Grandfather, Family = p.Family, Given = OtherThan(p.Given), BinForm = p.BinForm },
            // Namesake: same given and family, another date (and usually another father).
            1 => other with { Given = p.Given, Family = p.Family, Father = _random.Next(3) == 0 ? p.Father : OtherThan(p.Father) },
            // Cousin: same given (named after the grandfather), grandfather and family, another father; sometimes the same year.
            2 => other with { Given = p.Given, Grandfather = p.Grandfather, Family = p.Family, Father = OtherThan(p.Father), Year = _random.Next(2) == 0 ? p.Year : other.Year },
            // Father and son with bin: the son's father's name is the father's given name, and the son is named after the grandfather.
            _ => other with { Given = p.Father, Father = p.Given, Family = p.Family, BinForm = true },
        };
    }

    private int OtherThan(int group)
    {
        int g;
        do
        {
            g = _random.Next(GivenNames.Length);
        }
        while (g == group);
        return g;
    }

    private Row GovernmentRow(string id, Person p)
    {
        var given = GivenNames[p.Given].Latin[0];
        var father = GivenNames[p.Father].Latin[0];
        var givenField = p.BinForm ? $"{given} bin {father}" : _random.NextDouble() < 0.35 ? $"{given} {father}" : given;
        var f = _families[p.Family];
        var family = f.Article ? "Al-" + f.Latin : f.Latin;
        var aNumber = _random.NextDouble() < 0.7 ? p.ANumber! : string.Empty;
        return new Row(id, givenField, family, Date(p.Year, p.Month, p.Day), aNumber, "Iraq");
    }

    private Row HotlineRow(string id, Person p)
    {
        var f = _families[p.Family];
        var aNumber = _random.NextDouble() < 0.25 ? p.ANumber! : string.Empty;
        var dob = HotlineDate(p);
        var country = _random.NextDouble() < 0.5 ? "Iraq" : string.Empty;
        if (f.Arabic is not null && _random.NextDouble() < 0.08)
        {
            // Written by a relative in Arabic script: given, father's name, family.
            var arabicGiven = _random.NextDouble() < 0.6 ? $"{GivenNames[p.Given].Arabic} {GivenNames[p.Father].Arabic}" : GivenNames[p.Given].Arabic;
            if (p.BinForm)
            {
                arabicGiven = $"{GivenNames[p.Given].Arabic} بن {GivenNames[p.Father].Arabic}";
            }

            return new Row(id, arabicGiven, f.Arabic, dob, aNumber, country);
        }

        var given = Spelling(p.Given);
        var chain = new StringBuilder(given);
        if (p.BinForm)
        {
            chain.Append(_random.Next(2) == 0 ? " bin " : " ibn ").Append(Spelling(p.Father));
        }
        else if (_random.NextDouble() < 0.55)
        {
            // The Iraqi naming chain: father's name, sometimes the grandfather's too.
            chain.Append(' ').Append(Spelling(p.Father));
            if (_random.NextDouble() < 0.25)
            {
                chain.Append(' ').Append(Spelling(p.Grandfather));
            }
        }

        var family = VaryFamily(f.Latin);
        if (f.Article || _random.NextDouble() < 0.1)
        {
            family = _random.Next(6) switch
            {
                0 => "Al-" + family,
                1 => "Al " + family,
                2 => "Al" + family.ToLowerInvariant(),
                3 => "El-" + family,
                4 => "al-" + family,
                _ => family,
            };
        }

        var givenField = chain.ToString();
        if (_random.NextDouble() < 0.06)
        {
            givenField = Typo(givenField);
        }

        if (_random.NextDouble() < 0.05)
        {
            (givenField, family) = (family, givenField);
        }

        if (_random.NextDouble() < 0.25)
        {
            givenField = givenField.ToUpperInvariant();
            family = family.ToUpperInvariant();
        }

        return new Row(id, givenField, family, dob, aNumber, country);
    }

    private string Spelling(int group)
    {
        var forms = GivenNames[group].Latin;
        return _random.NextDouble() < 0.6 ? Pick(forms) : forms[0];
    }

    // Spelling rules that relatives apply to family names (each a real transliteration habit).
    private string VaryFamily(string name)
    {
        var s = name;
        for (var k = 0; k < 2; k++)
        {
            if (_random.NextDouble() > 0.45)
            {
                continue;
            }

            s = _random.Next(10) switch
            {
                0 => s.EndsWith('a') ? s + "h" : s.EndsWith("ah", StringComparison.Ordinal) ? s[..^1] : s,
                1 => s.Contains("ou", StringComparison.Ordinal) ? s.Replace("ou", "u", StringComparison.Ordinal) : s.Replace("u", "ou", StringComparison.Ordinal),
                2 => s.EndsWith('i') ? s[..^1] + (_random.Next(2) == 0 ? "y" : "ee") : s.Replace("ee", "i", StringComparison.Ordinal),
                3 => Undouble(s),
                4 => s.Contains("ai", StringComparison.Ordinal) ? s.Replace("ai", _random.Next(2) == 0 ? "ay" : "ei", StringComparison.Ordinal) : s.Replace("ay", "ai", StringComparison.Ordinal),
                5 => s.Contains('q') ? s.Replace('q', _random.Next(2) == 0 ? 'k' : 'g') : s.Replace("k", "q", StringComparison.Ordinal),
                6 => s.Contains("dh", StringComparison.Ordinal) ? s.Replace("dh", _random.Next(2) == 0 ? "d" : "z", StringComparison.Ordinal) : s,
                7 => s.Contains("th", StringComparison.Ordinal) ? s.Replace("th", "t", StringComparison.Ordinal) : s,
                8 => s.Contains("aa", StringComparison.Ordinal) ? s.Replace("aa", "a", StringComparison.Ordinal) : s,
                _ => Typo(s),
            };
        }

        return s;
    }

    private string Undouble(string s)
    {
        for (var i = 1; i < s.Length; i++)
        {
            if (s[i] == s[i - 1] && char.IsLetter(s[i]))
            {
                return s.Remove(i, 1);
            }
        }

        // No double: double a consonant in the middle (Kasab -> Kassab).
        var j = 1 + _random.Next(Math.Max(1, s.Length - 2));
        return char.IsLetter(s[j]) && !"aeiou".Contains(s[j], StringComparison.Ordinal) ? s.Insert(j, s[j].ToString()) : s;
    }

    private string HotlineDate(Person p)
    {
        var (y, m, d) = (p.Year, p.Month, p.Day);
        var r = _random.NextDouble();
        if (r < 0.12)
        {
            return string.Empty;
        }

        if (r < 0.22)
        {
            (m, d) = (1, 1);
        }
        else if (r < 0.25)
        {
            y += _random.Next(2) == 0 ? 1 : -1;
        }
        else if (r < 0.27 && y % 100 / 10 != y % 10)
        {
            // Transposed last two digits of the year (1975 -> 1957).
            y = (y / 100 * 100) + (y % 10 * 10) + (y % 100 / 10);
        }
        else if (r < 0.29 && d >= 10 && d % 10 != 0 && d / 10 != d % 10 && (d % 10 * 10) + (d / 10) <= 28)
        {
            // Transposed day digits (12 -> 21).
            d = (d % 10 * 10) + (d / 10);
        }
        else if (r < 0.32 && d <= 12 && m != d)
        {
            (m, d) = (d, m);
        }

        return _random.Next(3) switch
        {
            1 => string.Create(CultureInfo.InvariantCulture, $"{m:D2}/{d:D2}/{y:D4}"),
            2 => string.Create(CultureInfo.InvariantCulture, $"{d:D2}/{m:D2}/{y:D4}"),
            _ => Date(y, m, d),
        };
    }

    private static string Date(int y, int m, int d) => string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}-{d:D2}");

    private string Typo(string s)
    {
        if (s.Length < 5)
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

    private int Zipf(int n) => (int)Math.Min(n - 1, Math.Floor(Math.Pow(n + 1, _random.NextDouble())) - 1);

    /// <summary>Government list of <paramref name="people"/> rows; the hotline re-types 70 % of them and adds relatives.</summary>
    private static (List<Row> Left, List<Row> Right, HashSet<(string, string)> Truth) Generate(int seed, int people)
    {
        var g = new TwoLists(seed, people / 3);
        var persons = new List<Person>();
        for (var i = 0; i < people; i++)
        {
            persons.Add(g.NewPerson());
        }

        // Relatives and namesakes of listed people are on the government list too (a fifth of it).
        var relatives = new List<Person>();
        for (var i = 0; i < people / 5; i++)
        {
            relatives.Add(g.Relative(persons[g._random.Next(persons.Count)]));
        }

        var all = persons.Concat(relatives).ToList();
        var left = all.Select((p, i) => g.GovernmentRow("G" + i.ToString(CultureInfo.InvariantCulture), p)).ToList();
        var right = new List<Row>();
        var truth = new HashSet<(string, string)>();
        for (var i = 0; i < all.Count; i++)
        {
            if (g._random.NextDouble() < 0.6)
            {
                var id = "H" + right.Count.ToString(CultureInfo.InvariantCulture);
                right.Add(g.HotlineRow(id, all[i]));
                truth.Add(("G" + i.ToString(CultureInfo.InvariantCulture), id));
            }
        }

        // People only the hotline knows, many of them relatives of listed people.
        for (var i = 0; i < people / 4; i++)
        {
            var p = g._random.NextDouble() < 0.6 ? g.Relative(all[g._random.Next(all.Count)]) : g.NewPerson();
            right.Add(g.HotlineRow("H" + right.Count.ToString(CultureInfo.InvariantCulture), p));
        }

        return (left, right, truth);
    }

    private static PersonRecord ToRecord(Row r)
    {
        BirthDate.TryParse(r.Dob, out var dob, out _);
        ANumber.TryParse(r.ANumber, out var a, out _);
        return new PersonRecord(r.Id, r.Given, r.Family, dob, a, r.Country);
    }

    public static int Run(string[] args)
    {
        var seed = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
        var people = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000;
        var dump = args.Contains("--dump");
        var (leftRows, rightRows, truth) = Generate(seed, people);
        if (args.Contains("--write"))
        {
            var dir = Directory.CreateTempSubdirectory("stayline-twolists-").FullName;
            Synthetic.WriteCsv(Path.Combine(dir, "government.csv"), leftRows.Select(r => new[] { r.Id, r.Given, r.Family, r.Dob, r.ANumber, r.Country }));
            Synthetic.WriteCsv(Path.Combine(dir, "hotline.csv"), rightRows.Select(r => new[] { r.Id, r.Given, r.Family, r.Dob, r.ANumber, r.Country }));
            File.WriteAllLines(Path.Combine(dir, "truth.csv"), truth.Select(t => $"{t.Item1},{t.Item2}"));
            Console.WriteLine($"written to {dir}");
        }

        var left = leftRows.Select(ToRecord).ToList();
        var right = rightRows.Select(ToRecord).ToList();
        // --min 0.9 links as `stayline match LEFT RIGHT` does by default (its competitors are then those from CompetitorFloor).
        var min = args.SkipWhile(a => a != "--min").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(0.01);
        var pairs = Linker.Link(left, right, new LinkerOptions { MinScore = min, OneToOne = !args.Contains("--many") });
        Console.WriteLine($"seed {seed}: government {left.Count} rows, hotline {right.Count} rows, {truth.Count} true pairs");
        foreach (var t in new[] { MatchModel.SameThreshold, MatchModel.ReviewThreshold })
        {
            var predicted = pairs.Where(p => p.Score >= t).ToList();
            var tp = predicted.Count(p => truth.Contains((left[p.Left].Id, right[p.Right].Id)));
            var fp = predicted.Count - tp;
            var fn = truth.Count - tp;
            var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var recall = (double)tp / truth.Count;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"score >= {t,-4} TP {tp,5} FP {fp,4} FN {fn,5}  P {precision:0.000} R {recall:0.000} F1 {f1:0.000}"));
        }

        if (dump)
        {
            var found = pairs.Where(p => p.Score >= MatchModel.SameThreshold).Select(p => (left[p.Left].Id, right[p.Right].Id)).ToHashSet();
            var leftIndex = left.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var rightIndex = right.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var levels = new Dictionary<string, int>();
            var shown = 0;
            // --show N: how many misses to print (40 unless told).
            var show = args.SkipWhile(a => a != "--show").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(40);
            IReadOnlyList<MatchPair>? raw = null;
            var model = MatchModel.EstimateU(left, right);
            foreach (var (l, r) in truth.Where(t => !found.Contains(t)).OrderBy(t => t.Item2, StringComparer.Ordinal))
            {
                var a = left[leftIndex[l]];
                var b = right[rightIndex[r]];
                var s = pairs.FirstOrDefault(p => p.Left == leftIndex[l] && p.Right == rightIndex[r]) ?? Linker.Score(a, b, model);
                var key = $"{s.Evidence.NameLevel}/{s.Evidence.BirthDateLevel}";
                levels[key] = levels.GetValueOrDefault(key) + 1;
                if (shown++ < show)
                {
                    Console.WriteLine($"FN {s.Score:0.000} {Show(a)} | {Show(b)} | {key} {s.Evidence.Name}");
                    raw ??= Linker.Link(left, right, new LinkerOptions { MinScore = MatchModel.ReviewThreshold, OneToOne = false });
                    foreach (var q in raw.Where(q => (q.Left == leftIndex[l]) != (q.Right == rightIndex[r]) && (q.Left == leftIndex[l] || q.Right == rightIndex[r])))
                    {
                        Console.WriteLine($"     rival {q.Score:0.000} {Show(left[q.Left])} | {Show(right[q.Right])} | {q.Evidence.NameLevel}/{q.Evidence.BirthDateLevel} {(truth.Contains((left[q.Left].Id, right[q.Right].Id)) ? "TRUE" : string.Empty)}");
                    }
                }
            }

            foreach (var kv in levels.OrderByDescending(kv => kv.Value).Take(20))
            {
                Console.WriteLine($"  {kv.Key,-30} {kv.Value}");
            }

            foreach (var p in pairs.Where(p => p.Score >= MatchModel.SameThreshold && !truth.Contains((left[p.Left].Id, right[p.Right].Id))).Take(30))
            {
                Console.WriteLine($"FP {p.Score:0.000} {Show(left[p.Left])} | {Show(right[p.Right])} | {p.Evidence.NameLevel}/{p.Evidence.BirthDateLevel}/{p.Evidence.ANumberLevel} {p.Evidence.Name}");
            }
        }

        return 0;
    }

    private static string Show(PersonRecord r) => $"{r.GivenName} / {r.FamilyName} {r.BirthDate} {r.ANumber?.Digits}";
}
