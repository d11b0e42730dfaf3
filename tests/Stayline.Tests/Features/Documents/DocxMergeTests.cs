using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Stayline.Domain.Documents;
using Stayline.Features.Documents;
using static Stayline.Tests.Features.Documents.Docx;

namespace Stayline.Tests.Features.Documents;

public class DocxMergeTests
{
    private static (IReadOnlyList<string> Lines, DocumentDraft Draft) Merge(params DocumentFormat.OpenXml.OpenXmlElement[] body)
    {
        var template = CompiledTemplate.Compile(Build(body));
        Assert.Empty(template.Errors);
        var draft = template.Generate(Docx.Data());
        Assert.Empty(draft.Errors);
        Assert.Equal([], Validate(draft.Docx));
        return (Lines(draft.Docx), draft);
    }

    public static TheoryData<string[], string> SplitFields => new()
    {
        { ["Dear {{person.full_name}}, hello"], "Dear Yousif Kassab, hello" },
        { ["Dear {{per", "son.full", "_na", "me}}, hello"], "Dear Yousif Kassab, hello" },
        { ["{", "{person.full_name}", "}!"], "Yousif Kassab!" },
        { ["{{person.full_name}}", " and ", "{{person.native_name}}"], "Yousif Kassab and يوسف قصاب" },
        { ["AKA {{#each person.al", "iases}}{{full_name}}; {{/e", "ach}}."], "AKA Youssef Qassab; Yusuf Kasab; ." },
        { ["{{#if removal_order.date}}on {{removal_order.date}}{{else}}no", " date{{/if}}"], "no date" },
        { ["Note: {{note}}"], "Note: R&D <draft> \"x\" 'y'" },
    };

    [Theory]
    [MemberData(nameof(SplitFields))]
    public void Generate_FieldsSplitAcrossRuns_MergeAsIfTypedInOneRun(string[] runs, string expected)
    {
        var (lines, _) = Merge(P(runs));

        Assert.Equal([expected], lines);
    }

    [Fact]
    public void Generate_LoopOverParagraphs_RepeatsThemAndDropsTagParagraphs()
    {
        var (lines, _) = Merge(P("Names:"), P("{{#each person.aliases}}"), P("- {{@number}} ", "{{full_name}}"), P("{{/each}}"), P("End"));

        Assert.Equal(["Names:", "- 1 Youssef Qassab", "- 2 Yusuf Kasab", "End"], lines);
    }

    [Fact]
    public void Generate_ConditionalOverParagraphs_KeepsTheElseBranch()
    {
        var (lines, _) = Merge(P("{{#if removal_order.date}}"), P("Ordered."), P("{{else}}"), P("No order on file."), P("{{/if}}"), P("End"));

        Assert.Equal(["No order on file.", "End"], lines);
    }

    [Fact]
    public void Generate_LoopInTableRow_RepeatsTheRowAndMarksMissingCells()
    {
        var (lines, draft) = Merge(Table(["Offence", "Date"], ["{{#each person.convictions}}{{offence}}", "{{date}}{{/each}}"]));

        Assert.Equal(["Offence | Date", "Possession | May 1, 1994", "Assault & battery | [MISSING: conviction date]"], lines);
        Assert.Equal(["conviction date"], draft.Missing);
    }

    [Fact]
    public void Generate_MissingValue_IsVisibleHighlightedAndListed()
    {
        var (lines, draft) = Merge(P("A-number: {{person.a_number}}; order: {{removal_order.date}}"));

        Assert.Equal(["A-number: [MISSING: A-number]; order: [MISSING: removal order date]"], lines);
        Assert.Equal(["A-number", "removal order date"], draft.Missing);
        using var doc = WordprocessingDocument.Open(new MemoryStream(draft.Docx), false);
        var marked = doc.MainDocumentPart!.Document.Descendants<Run>().Where(r => r.RunProperties?.Highlight?.Val?.Value == HighlightColorValues.Yellow);
        Assert.Equal(["[MISSING: A-number]", "[MISSING: removal order date]"], marked.Select(r => r.InnerText));
    }

    [Theory]
    [InlineData("{{#each person.aliases}}", "never closed")]
    [InlineData("{{person.full name}}", "is not a merge field")]
    [InlineData("{{/if}}", "has no opening tag")]
    public void Compile_BrokenTemplate_NamesTheProblem(string paragraph, string error)
    {
        var template = CompiledTemplate.Compile(Build(P("Start"), P(paragraph), P("End")));

        Assert.Contains(template.Errors, e => e.Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_NotADocx_SaysSo()
    {
        var template = CompiledTemplate.Compile("just text"u8.ToArray());

        Assert.Contains(template.Errors, e => e.StartsWith("Not a readable Word", StringComparison.Ordinal));
    }

    public static TheoryData<string> Starters => new(StarterTemplates.All.Select(s => s.Id));

    [Theory]
    [MemberData(nameof(Starters))]
    public void StarterTemplate_ForACompletePerson_IsValidCompleteAndHasTheFacts(string id)
    {
        var template = CompiledTemplate.Compile(StarterTemplates.Build(StarterTemplates.Find(id)!));
        Assert.Empty(template.Errors);

        var draft = template.Generate(PersonMergeFields.For(CompleteFacts(), new DateOnly(2017, 7, 1)));

        Assert.Empty(draft.Errors);
        Assert.Equal([], Validate(draft.Docx));
        Assert.Empty(draft.Missing);
        var text = string.Join("\n", Lines(draft.Docx));
        Assert.StartsWith("STARTING DRAFT FOR A LAWYER'S REVIEW", text, StringComparison.Ordinal);
        Assert.Contains("Yousif Kassab", text, StringComparison.Ordinal);
        Assert.Contains("A012-345-678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\[MISSING: \w", text);
    }

    [Fact]
    public void StarterHabeas_ForAPersonWithGaps_ListsWhatIsMissing()
    {
        var complete = CompleteFacts();
        var facts = complete with { Facility = null, RemovalOrder = null, AttorneyName = null, AttorneyEmail = null, Class = null, Respondents = null, Signer = null };
        var template = CompiledTemplate.Compile(StarterTemplates.Build(StarterTemplates.Find("habeas-2241")!));

        var draft = template.Generate(PersonMergeFields.For(facts, new DateOnly(2017, 7, 1)));

        Assert.Equal(["federal district", "name of the warden or administrator of the detention facility", "detention facility",
            "name of the ICE field office director", "ICE field office", "name of the Secretary of Homeland Security", "name of the Attorney General",
            "facility address", "drafting attorney's name", "drafting attorney's admission to the court (the facility has no district)",
            "drafting attorney's bar number", "drafting attorney's bar admissions", "drafting attorney's e-mail"], draft.Missing);
        var text = string.Join("\n", Lines(draft.Docx));
        Assert.Contains("[Describe the removal order", text, StringComparison.Ordinal);
        Assert.DoesNotContain("member of the class", text, StringComparison.Ordinal);
        Assert.Contains("يوسف قصاب", text, StringComparison.Ordinal);
    }
}
