using System.Globalization;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
using Stayline.Domain.Protection;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Tests.Features.Shared;

/// <summary>Sentences built below the pages keep their format apart from their values: printed they are the English
/// sentence as before; said to an Arabic or Spanish reader they are the translation of that format with the same values.</summary>
public class SentenceTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static Sentence FutureDetention()
    {
        var person = Person.Create(new PersonInput(null, "Ali", "Hamama", null, null, BirthDatePrecision.Unknown, null, null, false, null), Today, DateTimeOffset.UnixEpoch).Person!;
        return Assert.Single(CustodyLedger.Detain(person, 1, Today.AddDays(3), Today)).Sentence;
    }

    private static string In(string language, Func<string> say)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Localization.CultureOf(language);
        try
        {
            return say();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Printed_IsTheEnglishSentence_AndItsFormatIsTheKey()
    {
        var sentence = FutureDetention();

        Assert.Equal("Detention date 2026-12-08 is in the future.", sentence.ToString());
        Assert.Equal("Detention date {0:yyyy-MM-dd} is in the future.", sentence.Format);
        Assert.Equal(sentence.ToString(), In("en", () => Strings.Say(sentence)));
    }

    [Theory]
    [InlineData("ar", "تاريخ الاحتجاز", "Detention")]
    [InlineData("es", "La fecha de detención 8/12/2026", "Detention")]
    public void Said_IsTheTranslationWithTheSameValue(string language, string expected, string english)
    {
        var said = In(language, () => Strings.Say(FutureDetention()));

        Assert.Contains(expected, said, StringComparison.Ordinal);
        Assert.Contains("2026", said, StringComparison.Ordinal);
        Assert.DoesNotContain(english, said, StringComparison.Ordinal);
    }

    /// <summary>
    /// A format with no translation (a name said as written, a class order's "{0} ({1})") stays as it is, but the
    /// sentences inside it are said in the reader's language: the rules engine nests its reasons in such formats.
    /// </summary>
    [Fact]
    public void Said_UntranslatedFormatStaysEnglish_ItsInnerSentencesSaid_VerbatimTextAsItIs()
    {
        var outer = Sentence.Of($"Line {7} not read: {FutureDetention()}");

        var said = In("es", () => Strings.Say(outer));

        Assert.Equal("Line 7 not read: Detention date 2026-12-08 is in the future.", outer.ToString());
        Assert.Equal("Line 7 not read: " + In("es", () => Strings.Say(FutureDetention())), said);
        Assert.DoesNotContain("Detention date", said, StringComparison.Ordinal);
        Assert.Equal("x {y}", In("ar", () => Strings.Say(Sentence.Verbatim("x {y}"))));
    }

    /// <summary>
    /// An Arabic sentence nested in another must still read right to left. The translations put each value between
    /// first-strong isolates (U+2068 ... U+2069), which take their direction from their first strong letter, skipping the
    /// isolates nested in them (Unicode Bidirectional Algorithm, UAX #9, rules P2-P3). The Protection list's "why" of a
    /// class stay ("Protected: {stay (case name)} {until ...}") had nothing strong outside its nested isolates, so it was
    /// laid out left to right in Arabic: "until" before the stay, the case name's parentheses misplaced.
    /// </summary>
    [Fact]
    public void SaidInArabic_EveryIsolateOfAnArabicPart_ResolvesRightToLeft_TheCaseNameLeftToRight()
    {
        var stay = new Stayline.Domain.Protection.Protection(ProtectionSource.ClassOrderStay, Today, null, UntilEvent.FilesReceived, "Hamama v. Adducci",
            Sentence.Verbatim("Doe v. Detroit Field Office Director"));
        var summary = Sentence.Of($"Protected: {stay.Description}");

        var said = In("ar", () => Strings.Say(summary));

        var isolates = Isolates(said);
        Assert.NotEmpty(isolates);
        foreach (var (content, direction) in isolates.Where(x => x.Content.Any(char.IsLetter)))
        {
            var expected = content.StartsWith("Doe v.", StringComparison.Ordinal) ? 'L' : 'R';
            Assert.True(direction == expected, $"the isolate \"{content}\" resolves {direction}, expected {expected}, in: {said}");
        }

        Assert.Equal(stay.Description.ToString(), In("en", () => Strings.Say(stay.Description)));
        Assert.DoesNotContain('\u200F', In("en", () => Strings.Say(summary)));
    }

    /// <summary>Each first-strong isolate's text and the direction it resolves to: its first strong letter outside the
    /// isolates nested in it (L for Latin, R for Arabic or a right-to-left mark), L when it has none (UAX #9, P2-P3).</summary>
    private static List<(string Content, char Direction)> Isolates(string text)
    {
        var found = new List<(string, char)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\u2068')
            {
                continue;
            }

            var depth = 0;
            char? direction = null;
            var end = i + 1;
            for (; end < text.Length; end++)
            {
                var c = text[end];
                if (c is '\u2066' or '\u2067' or '\u2068')
                {
                    depth++;
                }
                else if (c == '\u2069')
                {
                    if (depth == 0)
                    {
                        break;
                    }

                    depth--;
                }
                else if (depth == 0 && direction is null)
                {
                    direction = c is '\u200F' or (>= '\u0590' and <= '\u08FF') ? 'R' : char.IsLetter(c) ? 'L' : null;
                }
            }

            found.Add((text[(i + 1)..end].Replace("\u2068", "").Replace("\u2069", "").Replace("\u200F", ""), direction ?? 'L'));
        }

        return found;
    }
}
