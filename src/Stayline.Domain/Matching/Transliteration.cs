using System.Text;

namespace Stayline.Domain.Matching;

/// <summary>
/// Turns Arabic-script (including Persian letters), Cyrillic and Greek words into lowercase Latin letters
/// chosen to agree with <see cref="TokenKey"/>'s spelling rules (kh -> x, sh -> S, q -> k, dh/z -> z, th -> t).
/// Arabic writes no short vowels, so an Arabic word yields a consonant skeleton plus its long vowels; the
/// comparer knows that and ignores vowels when one side came from Arabic script.
/// </summary>
public static class Transliteration
{
    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F';

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    public static bool IsGreek(char c) => c is >= '\u0370' and <= '\u03FF';

    private const string Georgian = "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ";
    private static readonly string[] GeorgianLatin =
    [
        "a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p", "zh", "r", "s", "t", "u", "p", "k", "gh", "q",
        "sh", "ch", "ts", "dz", "ts", "ch", "kh", "j", "h",
    ];

    private const string Armenian = "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ";
    private static readonly string[] ArmenianLatin =
    [
        "a", "b", "g", "d", "e", "z", "e", "e", "t", "zh", "i", "l", "kh", "ts", "k", "h", "dz", "gh", "ch", "m", "y", "n", "sh", "o",
        "ch", "p", "j", "r", "s", "v", "t", "r", "ts", "v", "p", "k", "o", "f",
    ];

    /// <summary>Transliterates one word of Arabic letters (no spaces).</summary>
    public static string ArabicWord(ReadOnlySpan<char> word)
    {
        var sb = new StringBuilder(word.Length + 4);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var first = sb.Length == 0;
            switch (c)
            {
                case 'ا' or 'أ' or 'إ' or 'آ' or 'ٱ' or 'ى':
                    sb.Append('a');
                    break;
                case 'ء' or 'ئ' or 'ؤ' or 'ـ':
                    break;
                case 'ع':
                    // Ayn has no Latin letter in common use; at the start of a name it is written as a vowel (Ali, Omar).
                    if (first)
                    {
                        sb.Append('a');
                    }

                    break;
                case 'ب': sb.Append('b'); break;
                case 'پ': sb.Append('p'); break;
                case 'ت' or 'ط': sb.Append('t'); break;
                case 'ث': sb.Append('t'); break;
                case 'ج': sb.Append('j'); break;
                case 'چ': sb.Append('S'); break;
                case 'ح' or 'ه' or 'ھ': sb.Append('h'); break;
                case 'خ': sb.Append('x'); break;
                case 'د' or 'ض': sb.Append('d'); break;
                case 'ذ' or 'ز' or 'ظ': sb.Append('z'); break;
                case 'ژ': sb.Append('j'); break;
                case 'ر': sb.Append('r'); break;
                case 'س' or 'ص': sb.Append('s'); break;
                case 'ش': sb.Append('S'); break;
                case 'غ': sb.Append('g'); break;
                case 'ف': sb.Append('f'); break;
                case 'ق' or 'ك' or 'ک': sb.Append('k'); break;
                case 'گ': sb.Append('g'); break;
                case 'ل': sb.Append('l'); break;
                case 'م': sb.Append('m'); break;
                case 'ن': sb.Append('n'); break;
                case 'ة':
                    sb.Append('a');
                    break;
                case 'و':
                    // Waw is a consonant (w) at the start or beside alif, otherwise the long vowel u.
                    sb.Append(first || NextIsAlif(word, i) ? 'w' : 'u');
                    break;
                case 'ي' or 'ی' or 'ې':
                    sb.Append(first || NextIsAlif(word, i) ? 'y' : 'i');
                    break;
                default:
                    break;
            }
        }

        return sb.ToString();
    }

    private static bool NextIsAlif(ReadOnlySpan<char> word, int i) => i + 1 < word.Length && word[i + 1] is 'ا' or 'ى';

    /// <summary>Cyrillic, Greek, Georgian and Armenian letters to Latin, one letter at a time (simplified national systems).</summary>
    public static string? LatinFor(char c) => char.ToLowerInvariant(c) switch
    {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "",
        'ы' => "y",
        'ь' => "",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'ђ' => "dj",
        'џ' => "dz",
        'қ' => "k",
        'ұ' => "u",
        'ү' => "u",
        'ө' => "o",
        'ә' => "a",
        'ғ' => "g",
        'ң' => "n",
        'һ' => "h",
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' => "i",
        'θ' => "th",
        'ι' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' or 'ς' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' => "o",
        var g when Georgian.Contains(g, StringComparison.Ordinal) => GeorgianLatin[Georgian.IndexOf(g, StringComparison.Ordinal)],
        var h when Armenian.Contains(h, StringComparison.Ordinal) => ArmenianLatin[Armenian.IndexOf(h, StringComparison.Ordinal)],
        _ => null,
    };
}
