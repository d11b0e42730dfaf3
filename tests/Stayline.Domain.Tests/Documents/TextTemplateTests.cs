using Stayline.Domain.Documents;
using Stayline.Domain.People;

namespace Stayline.Domain.Tests.Documents;

public class TextTemplateTests
{
    private static MergeObject Data() => new MergeObject()
        .Set("person", new MergeObject("person")
            .Set("full_name", "Yousif Kassab")
            .Set("native_name", "يوسف قصاب")
            .Set("a_number", null, "A-number")
            .Set("citizenship", "Iraq")
            .Set("aliases", [
                new MergeObject("alias").Set("full_name", "Youssef Qassab"),
                new MergeObject("alias").Set("full_name", "Yusuf Kasab"),
            ])
            .Set("convictions", [
                new MergeObject("conviction").Set("offence", "Possession").Set("date", "May 1, 1994").Set("completed", true),
                new MergeObject("conviction").Set("offence", "Assault & battery").Set("date", (string?)null).Set("completed", false),
            ]))
        .Set("removal_order", new MergeObject("removal order").Set("date", (string?)null).Set("in_absentia", false))
        .Set("matters", Array.Empty<MergeObject>())
        .Set("note", "R&D <draft> \"quoted\"");

    [Theory]
    [InlineData("Dear {{person.full_name}},", "Dear Yousif Kassab,")]
    [InlineData("{{ person.full_name }}", "Yousif Kassab")]
    [InlineData("Name: {{person.native_name}}.", "Name: يوسف قصاب.")]
    [InlineData("{{note}}", "R&D <draft> \"quoted\"")]
    [InlineData("AKA {{#each person.aliases}}{{@number}}. {{full_name}}; {{/each}}end", "AKA 1. Youssef Qassab; 2. Yusuf Kasab; end")]
    [InlineData("{{#each person.aliases}}{{full_name}} ({{person.citizenship}}) {{/each}}", "Youssef Qassab (Iraq) Yusuf Kasab (Iraq) ")]
    [InlineData("{{#if person.aliases}}has aliases{{else}}none{{/if}}", "has aliases")]
    [InlineData("{{#if matters}}filed{{else}}nothing filed{{/if}}", "nothing filed")]
    [InlineData("{{#unless removal_order.in_absentia}}present{{/unless}}", "present")]
    [InlineData("{{#if removal_order.date}}ordered{{else}}no date{{/if}}", "no date")]
    [InlineData("{{#each person.convictions}}{{offence}}{{#if completed}} (done){{/if}}|{{/each}}", "Possession (done)|Assault & battery|")]
    [InlineData("{{#each person.convictions}}{{#each person.aliases}}{{@index}}{{/each}}-{{/each}}", "01-01-")]
    [InlineData("{{#each nothing_here}}x{{/each}}ok", "ok")]
    public void Render_Template_GivesExpectedText(string template, string expected)
    {
        var result = TextTemplate.Render(template, Data());

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Text);
    }

    [Theory]
    [InlineData("Ordered on {{removal_order.date}}.", "Ordered on [MISSING: removal order date].", "removal order date")]
    [InlineData("{{person.a_number}}", "[MISSING: A-number]", "A-number")]
    [InlineData("{{court.name}}", "[MISSING: court name]", "court name")]
    [InlineData("{{#each person.convictions}}{{date}};{{/each}}", "May 1, 1994;[MISSING: conviction date];", "conviction date")]
    public void Render_MissingValue_ShowsMarkerAndListsIt(string template, string expected, string label)
    {
        var result = TextTemplate.Render(template, Data());

        Assert.Equal(expected, result.Text);
        Assert.Equal([label], result.Missing);
    }

    [Fact]
    public void Render_SameMissingValueTwice_ListsItOnce()
    {
        var result = TextTemplate.Render("{{removal_order.date}} {{removal_order.date}} {{person.a_number}}", Data());

        Assert.Equal(["removal order date", "A-number"], result.Missing);
    }

    [Theory]
    [InlineData("{{#each person.aliases}}x", "never closed")]
    [InlineData("{{#if person.aliases}}x{{/each}}", "closed by {{/each}}")]
    [InlineData("x{{/if}}", "has no opening tag")]
    [InlineData("{{else}}", "outside any {{#if}}")]
    [InlineData("{{#each person.aliases}}a{{else}}b{{/each}}", "does not belong")]
    [InlineData("{{#loop person.aliases}}", "is not a merge field")]
    [InlineData("{{person full name}}", "is not a merge field")]
    public void Render_BrokenTemplate_ReportsErrorAndMergesNothing(string template, string error)
    {
        var result = TextTemplate.Render(template, Data());

        Assert.Contains(result.Errors, e => e.Contains(error, StringComparison.Ordinal));
        Assert.Equal(template, result.Text);
    }

    [Fact]
    public void PersonFields_ForPersonWithGaps_FillWhatIsKnownAndMarkTheRest()
    {
        var (person, errors) = Person.Create(new PersonInput("A12345678", "Hanna", "Toma", "حنا توما", new DateOnly(1965, 1, 1),
            BirthDatePrecision.YearOnly, "Iraq", "Arabic, Chaldean Neo-Aramaic", false, null), new DateOnly(2017, 6, 20), DateTimeOffset.UnixEpoch);
        Assert.Empty(errors);
        var facts = new PersonMergeFacts(person!, null, null, null, [], [], null, null, null);

        var result = TextTemplate.Render(
            "{{person.full_name}} ({{person.native_name}}), {{person.a_number}}, born {{person.birth_date}}; held at {{custody.facility.name}}; ordered {{removal_order.date}}; {{today}}",
            PersonMergeFields.For(facts, new DateOnly(2017, 6, 20)));

        Assert.Equal("Hanna Toma (حنا توما), A012-345-678, born 1965; held at [MISSING: detention facility]; ordered [MISSING: removal order date]; June 20, 2017", result.Text);
        Assert.Equal(["detention facility", "removal order date"], result.Missing);
    }

    [Theory]
    [InlineData(BirthDatePrecision.Exact, "1966-03-04", "born on March 4, 1966 (March 4, 1966)")]
    [InlineData(BirthDatePrecision.YearOnly, "1966-01-01", "born in 1966 (1966)")]
    [InlineData(BirthDatePrecision.SuspectedPlaceholder, "1966-01-01", "born in 1966 (1966)")]
    [InlineData(BirthDatePrecision.Unknown, null, "born [MISSING: date of birth] ([MISSING: date of birth])")]
    public void PersonFields_BirthDate_PrintOnlyWhatTheRecordVouchesFor(BirthDatePrecision precision, string? birth, string expected)
    {
        var (person, errors) = Person.Create(new PersonInput(null, "Hanna", "Toma", null, birth is null ? null : DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture),
            precision, "Iraq", null, false, null), new DateOnly(2017, 6, 20), DateTimeOffset.UnixEpoch);
        Assert.Empty(errors);
        var facts = new PersonMergeFacts(person!, null, null, null, [], [], null, null, null);

        var result = TextTemplate.Render("born {{person.born}} ({{person.birth_date}})", PersonMergeFields.For(facts, new DateOnly(2017, 6, 20)));

        Assert.Equal(expected, result.Text);
    }
}
