namespace Stayline.Domain.Matching;

/// <summary>
/// Families of given names that are one name written in different traditions: the Arabic and the Syriac form
/// of a Christian name (Jirjis / Giwargis, Butrus / Putrus, Hurmuz / Hormizd), and spellings in which one Arabic
/// letter is heard and written as different Latin letters (ض ظ ذ as d, dh, z or th: Kazim / Kadhim / Kathim;
/// the glide in Riyad / Riad). Spelling noise within a family is left to <see cref="TokenSimilarity"/>; a
/// family is listed only when the forms are too far apart for it (Gorgis / Jirjis share two letters of six).
/// <para>
/// Sources (compiled for Stayline from the conventions, not copied from another list): the ALA-LC Arabic and
/// Syriac romanization tables of the Library of Congress give the scholarly form of each name (Jirjis, Buṭrus,
/// Yaʿqūb, Hurmuz, Riyāḍ, Kāẓim; Syriac Giwargis, Peṭros, Yaʿqob, Hormizd); the other forms are the popular
/// spellings of the same names in Iraqi and Chaldean use in English-language documents (passports, US
/// immigration records, church registers): Gorgis, Georgis, Boutros, Yacoub, Hermiz, Riadh. Forms marked
/// with '=' are the English name of the same saint (George, Peter, Jacob), used by the same people in the US:
/// they agree less strongly than two transliterations. The last lines list names that are different although
/// a letter or two apart (Hasan / Husayn, Muhammad / Mahmud, Sami / Samir): words of two different families
/// never pair.
/// </para>
/// </summary>
public static class NameFamilies
{
    /// <summary>Similarity of two different forms of one family.</summary>
    public const float SameFamily = 0.95f;

    /// <summary>Similarity of a form and the English name of the same saint (Yousif / Joseph).</summary>
    public const float Translation = 0.9f;

    // One family per line: Latin forms, Arabic-script forms; '=' marks an English equivalent.
    private static readonly string[] Table =
    [
        // George: Arabic Jirjis/Jurjus, Syriac Giwargis (Gewargis), Iraqi Gorgis/Korkis.
        "Jirjis Jirjees Jurjus Girgis Guirguis Gerges Gorgis Georgis Gorgees Gewargis Giwargis Gewergis Geevargis Korkis Kourkis =George =Georges جرجس جرجيس كوركيس كيوركيس",
        // Peter: Arabic Butrus, Syriac Petros/Putros.
        "Butrus Boutros Botros Bitros Putrus Putros Petros Pethrus Bedros =Peter =Pierre بطرس",
        // Jacob: Arabic Ya'qub, Syriac Ya'qob.
        "Yaqub Yacoub Yakoub Yaqoob Yakub Yacub Yaqob Yakob Yacob Yaaqub Yaakob =Jacob يعقوب",
        // Hormizd: Arabic Hurmuz, Syriac Hormizd; Chaldean Hermiz/Hormiz.
        "Hurmuz Hormuz Hormiz Hermiz Hurmiz Hormizd Hermez Hirmiz هرمز",
        // Joseph.
        "Yusuf Yousif Yousef Youssef Yusif Yosef Yousuf Yossef Yusef =Joseph يوسف",
        // John: Arabic Yuhanna, in Iraqi Christian use also Hanna.
        "Yuhanna Youhanna Yohanna Yohana Yuhana =John يوحنا",
        // Matthew: Arabic Matta, Iraqi Matti.
        "Matti Matty Mattie Matta Matai Mattai =Matthew متي متى",
        // Michael.
        "Mikhail Mikhael Mekhail Mikhayil Mikail Michail Mikha'il =Michael ميخائيل",
        // Elijah: Arabic Ilyas, Syriac Eliya.
        "Ilyas Elias Elyas Ilias Eliya Iliya Elia =Elijah الياس",
        // Simon: Arabic Sim'an, Syriac Shem'on, Iraqi Shamoun.
        "Shamoun Shamon Shimun Shimon Shemon Sham'un Simaan Semaan Sim'an Seman =Simon شمعون سمعان",
        // David.
        "Dawud Daoud Dawood Daud Dawod Daood Dawoud =David داود",
        // Solomon.
        "Sulayman Sulaiman Suleiman Soliman Sleiman Slaiman =Solomon سليمان",
        // Isaac.
        "Ishaq Ishak Is'haq Eshaq Ishaak =Isaac اسحاق إسحاق",
        // Ishmael.
        "Ismail Ismael Esmail Isma'il Ismayil =Ishmael اسماعيل إسماعيل",
        // Abraham.
        "Ibrahim Ebrahim Ibraheem Brahim Ibrahem =Abraham ابراهيم إبراهيم",
        // Moses.
        "Musa Moussa Mousa Moosa Mussa =Moses موسى",
        // Jesus (Isa).
        "Isa Issa Eesa Eissa Aissa عيسى",
        // Thomas.
        "Tuma Toma Touma Thoma Tooma =Thomas توما",
        // Paul.
        "Bulus Boulos Boulus Polus Paulus Bolis =Paul بولس",
        // Stephen.
        "Istifan Estephan Estefan Stephan Stefan Istephan =Stephen اسطفان",
        // Zechariah.
        "Zakariya Zakaria Zakariyya Zakarya Zakareya =Zechariah زكريا",
        // Jonah.
        "Yunus Younis Younes Yonis Younus Yunis Younan Yunan =Jonah يونس يونان",
        // John the Baptist (Yahya).
        "Yahya Yehia Yahia Yehya Yahiya يحيى",
        // Mary.
        "Maryam Mariam Miriam Meryem Mariyam =Mary مريم",
        // Riyad: the glide and the final emphatic (ض as d, dh or z).
        "Riyad Riyadh Riad Riadh Reyad Ryad Riyaz رياض",
        // Ziyad.
        "Ziyad Ziad Zeyad Ziyaad Ziyadh زياد",
        // Kazim: ظ as z, dh, th or d.
        "Kazim Kadhim Kathim Kadim Kazem Kadhem Kathem Kadhum كاظم",
        // Nazim: ظ as z, dh or th.
        "Nazim Nadhim Nathim Nazem Nadhem Nathem ناظم",
        // Zafir: ظ as z, dh or th.
        "Zafir Dhafir Thafir Zafer Dhafer Thafer ظافر",
        // Fadil: ض as d, dh or z.
        "Fadil Fadhil Fazil Fadel Fadhel Fazel فاضل",
        // Rida: ض as d, dh or z.
        "Rida Ridha Reda Redha Riza Reza Rada رضا",
        // Murtada: ض as d, dh or z.
        "Murtada Murtadha Murtaza Mortada Mortadha Mortaza مرتضى",
        // Diya: ض as d, dh or z, the final hamza dropped or written.
        "Diya Dhiya Ziya Dia Diaa Dhia Zia Diyaa ضياء",
        // Ashur: Syriac Athur, Arabic Ashur.
        "Ashur Ashour Assur Athur Ashor Asur آشور اشور",
        // Nimrod.
        "Nimrud Nimrod Namrud نمرود",
        // Emmanuel.
        "Amanuel Emmanuel Emanuel Immanuel Manuel عمانوئيل",
        // Hanna (John in Iraqi Christian use) and Hannah.
        "Hanna Hana Hanaa Hannah حنا",

        // Names one or two letters apart that are different names: listing each as a family keeps them apart
        // (two words of different families never pair), whatever the spelling rules would say.
        "Hasan Hassan Hasen Hassen Hasan حسن",
        "Husayn Hussein Husain Hussain Husein Hosein Hussien Husayin Hossein حسين",
        "Muhammad Mohammed Mohamed Mohamad Mohammad Muhammed Mohammud Muhamad محمد",
        "Mahmud Mahmoud Mahmood Mahmod محمود",
        "Ahmad Ahmed Ahmet Ehmed احمد أحمد",
        "Hamid Hameed Hamed حامد حميد",
        "Umar Omar Omer Umer عمر",
        "Amir Ameer Emir امير أمير",
        "Ammar Amar Ammaar عمار",
        "Sami Samy Samie سامي",
        "Samir Sameer Smir سمير",
        "Karim Kareem Kerim كريم",
    ];

    private static readonly Lazy<Dictionary<string, (int Family, bool Translation)>> ByKey = new(Build);

    private static readonly Lazy<string[]> IndexKeys = new(() =>
        [.. Table.Select(line => TokenKey.Skeleton(KeyOf(line.Split(' ')[0].TrimStart('=')), dropSemivowels: true))]);

    /// <summary>One blocking key for every form of a family (that of its first form), so Gorgis and Jirjis block together.</summary>
    public static string IndexKeyOf(int family) => IndexKeys.Value[family - 1];

    /// <summary>The family of a word's phonetic key: (0, false) when the word is in no family.</summary>
    public static (int Family, bool Translation) Of(string key) =>
        key.Length > 0 && ByKey.Value.TryGetValue(key, out var f) ? f : (0, false);

    /// <summary>Every listed form with its family number (for tests and the documentation).</summary>
    public static IEnumerable<(int Family, string Form)> Forms()
    {
        for (var i = 0; i < Table.Length; i++)
        {
            foreach (var form in Table[i].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return (i + 1, form.TrimStart('='));
            }
        }
    }

    /// <summary>The phonetic key of one written form, as <see cref="ParsedName"/> computes it.</summary>
    internal static string KeyOf(string form)
    {
        var arabic = form.Length > 0 && Transliteration.IsArabic(form[0]);
        if (arabic)
        {
            return TokenKey.FromArabicTransliteration(Transliteration.ArabicWord(form));
        }

        var letters = new string(form.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        return TokenKey.FromLatin(letters);
    }

    private static Dictionary<string, (int Family, bool Translation)> Build()
    {
        var map = new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Table.Length; i++)
        {
            foreach (var form in Table[i].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var translation = form[0] == '=';
                var key = KeyOf(translation ? form[1..] : form);
                if (key.Length == 0)
                {
                    continue;
                }

                // A key two families share would join them: it is left out (the spelling rules still compare it).
                if (map.TryGetValue(key, out var existing) && existing.Item1 != i + 1)
                {
                    ambiguous.Add(key);
                }

                map[key] = (i + 1, translation);
            }
        }

        foreach (var key in ambiguous)
        {
            map.Remove(key);
        }

        return map;
    }
}
