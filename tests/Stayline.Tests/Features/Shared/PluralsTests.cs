using System.Globalization;
using Stayline.Features.Import;
using Stayline.Infrastructure;
using Stayline.Resources;

namespace Stayline.Tests.Features.Shared;

/// <summary>A count is said with the noun it counts in the right number ("1 error", "2 errors"), never "error(s)", in
/// every language, and no resource anywhere still carries the "(s)" shortcut.</summary>
public class PluralsTests
{
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

    private static ImportReport WithErrors(int n) =>
        new() { FileName = "list.csv", ErrorTotal = n };

    [Theory]
    [InlineData("en", 1, "list.csv: 1 error; nothing was written.")]
    [InlineData("en", 2, "list.csv: 2 errors; nothing was written.")]
    [InlineData("en", 1200, "list.csv: 1,200 errors; nothing was written.")]
    [InlineData("es", 1, "1 error; no se escribió nada.")]
    [InlineData("es", 2, "2 errores; no se escribió nada.")]
    [InlineData("ar", 1, "خطأ واحد؛")]
    public void ImportWithErrors_SaysTheCountWithItsNoun(string language, int errors, string expected)
    {
        var said = In(language, () => Strings.Say(WithErrors(errors).Said));

        Assert.Contains(expected, said, StringComparison.Ordinal);
        Assert.DoesNotContain("(s)", said, StringComparison.Ordinal);
        Assert.DoesNotContain("(es)", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", 1, "list.csv: 1 row: 1 new,")]
    [InlineData("en", 2, "list.csv: 2 rows: 2 new,")]
    [InlineData("es", 1, "list.csv: 1 fila (nuevas: 1,")]
    [InlineData("ar", 1, "صف واحد")]
    public void ImportSummary_SaysRowOrRows(string language, int rows, string expected)
    {
        var report = new ImportReport { FileName = "list.csv", Rows = rows, Created = rows, DryRun = true };

        Assert.Contains(expected, In(language, () => Strings.Say(report.Said)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Strings.resx")]
    [InlineData("Strings.ar.resx")]
    [InlineData("Strings.es.resx")]
    public void NoResource_SaysANounWithAnOptionalPlural(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Stayline.slnx")))
        {
            dir = dir.Parent;
        }

        var values = System.Xml.Linq.XDocument.Load(Path.Combine(dir.FullName, "src", "Stayline", "Resources", file)).Root!
            .Elements("data").Select(d => (string)d.Element("value")!);

        Assert.DoesNotContain(values, v => v.Contains("(s)", StringComparison.Ordinal) || v.Contains("(es)", StringComparison.Ordinal));
    }
}
