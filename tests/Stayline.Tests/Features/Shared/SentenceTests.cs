using System.Globalization;
using Stayline.Domain.Common;
using Stayline.Domain.Custody;
using Stayline.Domain.People;
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
}
