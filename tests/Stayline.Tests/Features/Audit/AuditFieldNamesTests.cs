using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Stayline.Data;
using Stayline.Domain.People;
using Stayline.Features.Shared;
using Stayline.Tests.Infrastructure;

namespace Stayline.Tests.Features.Audit;

/// <summary>
/// Every field the audit log can show has its name in Arabic and Spanish: the audited record types are read from the
/// model the way the save hook picks them (the domain's entities, not the audit log itself, name tokens or API tokens),
/// and each of their properties, shadow columns included, must have a "Field.{name}" resource translated in Arabic
/// and present in Spanish; each kind of record must have its "Entity.{type}". A new column fails this test until it
/// has its words, so the audit page never shows an English field name to an Arabic or Spanish reader.
/// </summary>
public class AuditFieldNamesTests
{
    private static readonly string[] NotAudited = ["AuditEvent", "PersonNameToken", "ApiToken"];

    private static Dictionary<string, string> Values(string file) =>
        XDocument.Load(Path.Combine(Root(), "src", "Stayline", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Stayline.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Stayline.slnx not found above the test folder.");
    }

    [Fact]
    public async Task EveryAuditedField_HasItsNameInArabicAndSpanish()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<StaylineDbContext>();
        var audited = db.Model.GetEntityTypes()
            .Where(t => t.ClrType.Assembly == typeof(Person).Assembly && !NotAudited.Contains(t.ClrType.Name)).ToList();
        var fields = audited.SelectMany(t => t.GetProperties()).Select(p => p.Name)
            .Where(n => n != PersonSearch.NameIndexColumn && !Labels.Hidden(n)).Distinct().Order(StringComparer.Ordinal).ToList();
        var english = Values("Strings.resx");
        var arabic = Values("Strings.ar.resx");
        var spanish = Values("Strings.es.resx");

        // The model is what is audited: a sanity floor so an empty model cannot pass.
        Assert.True(audited.Count > 25 && fields.Count > 150, $"{audited.Count} audited types, {fields.Count} fields");
        var missing = fields.Where(f => !english.ContainsKey("Field." + f) || !spanish.ContainsKey("Field." + f)
            || !arabic.TryGetValue("Field." + f, out var ar) || ar == english["Field." + f]).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} audited fields without their name in ar/es: {string.Join(", ", missing)}");
        var kinds = audited.Select(t => t.ClrType.Name).Where(n => !arabic.ContainsKey("Entity." + n) || !spanish.ContainsKey("Entity." + n)).ToList();
        Assert.True(kinds.Count == 0, $"kinds of record without their name: {string.Join(", ", kinds)}");
    }

    /// <summary>The audit page's change line for a field that had no translation before session 15.</summary>
    [Theory]
    [InlineData("ar", "BriefingExtensionDays")]
    [InlineData("es", "BriefingExtensionDays")]
    public void AnAuditChange_SaysTheFieldInTheReadersLanguage(string language, string field)
    {
        var said = Sentences.In(language, Labels.ChangeSaid(null, $$"""{"{{field}}":"x"}""")!);
        var expected = Values(language == "ar" ? "Strings.ar.resx" : "Strings.es.resx")["Field." + field];
        Assert.Contains(expected + ": ", said.Replace("\u2068", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(Labels.Words(field), said, StringComparison.Ordinal);
    }
}
