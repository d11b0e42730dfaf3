using Stayline.Domain.Common;

namespace Stayline.Features.Shared;

/// <summary>Sentences put together from others, each said in the reader's language.</summary>
public static class Sentences
{
    /// <summary>Sentences one after the other, separated by a space (the resource "{0} {1}" keeps that order in every language).</summary>
    public static Sentence Joined(IEnumerable<Sentence> sentences) =>
        sentences.Aggregate((Sentence?)null, (a, b) => a is null ? b : Sentence.Of($"{a} {b}")) ?? Sentence.Verbatim("");

    /// <summary>A sentence said in a given language outside a page (an e-mail to a user in the language they chose).</summary>
    public static string In(string language, Sentence sentence)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = Infrastructure.Localization.CultureOf(language);
        try
        {
            return Resources.Strings.Say(sentence);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>"en" when a sentence is shown in English to an Arabic or Spanish reader (nobody translated its format, or it
    /// is text stored in English), for the element's lang attribute; null otherwise (Razor then leaves the attribute out).</summary>
    public static string? EnglishFor(Sentence sentence) =>
        Infrastructure.Localization.Current != "en" && Resources.Strings.Say(sentence) == sentence.ToString() ? "en" : null;

    /// <summary>An enum member inside a sentence: printed, its English label (<see cref="Labels.Of"/>); said to an Arabic or
    /// Spanish reader, the label in their language (<see cref="Labels.Local"/>).</summary>
    public static object Label(Enum? value) => new LocalisedValue(() => value is null ? "" : Labels.Of(value), () => value is null ? "" : Labels.Local(value));

    /// <summary>An enum member inside a sentence that is stored (a bulk action's description): a term with the member's
    /// resource key ("Enum.PersonEventKind.Detained"), so it is said in the language of whoever reads it later; printed,
    /// its English label.</summary>
    public static Sentence Term(Enum value) => Sentence.Term($"Enum.{value.GetType().Name}.{value}", Labels.Of(value));

    /// <summary>A word inside a sentence (a field's name, a kind of record): printed, the English given; said to an Arabic or
    /// Spanish reader, the resource <paramref name="key"/> in their language (English when nobody translated it).</summary>
    public static object Word(string key, string english) =>
        new LocalisedValue(() => english, () => Resources.Strings.Get(key) is var s && s != key ? s : english);

    /// <summary>Sentences as one list ("a, b, c"): separated by the Arabic comma in Arabic (the resource "{0}, {1}").</summary>
    public static Sentence Listed(IEnumerable<Sentence> items) =>
        items.Aggregate((Sentence?)null, (a, b) => a is null ? b : Sentence.Of($"{a}, {b}")) ?? Sentence.Verbatim("");

    /// <summary>Sentences as one list separated by semicolons ("a; b"), the Arabic semicolon in Arabic (the resource "{0}; {1}").</summary>
    public static Sentence Semicolons(IEnumerable<Sentence> items) =>
        items.Aggregate((Sentence?)null, (a, b) => a is null ? b : Sentence.Of($"{a}; {b}")) ?? Sentence.Verbatim("");

    /// <summary>A value inside a sentence: printed, the English given; said to an Arabic or Spanish reader, what
    /// <paramref name="local"/> gives.</summary>
    public static object Localised(string english, Func<string> local) => new LocalisedValue(() => english, local);

    private sealed class LocalisedValue(Func<string> english, Func<string> local) : IFormattable
    {
        public override string ToString() => english();

        // Strings.Say formats with the reader's culture (one of Localization's own instances); anything else prints English.
        public string ToString(string? format, IFormatProvider? provider) =>
            provider is System.Globalization.CultureInfo c && c.TwoLetterISOLanguageName != "en"
                && ReferenceEquals(c, Infrastructure.Localization.CultureOf(c.TwoLetterISOLanguageName)) ? local() : ToString();
    }
}
