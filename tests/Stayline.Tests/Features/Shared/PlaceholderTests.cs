namespace Stayline.Tests.Features.Shared;

/// <summary>A form's example text (its placeholder) comes from the resx like every other word on a page, so an Arabic
/// or Spanish reader is not shown an English example; the resx says where an example stays in Latin script.</summary>
public class PlaceholderTests
{
    [Fact]
    public void EveryPlaceholder_IsAResource()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Stayline.slnx")))
        {
            dir = dir.Parent;
        }

        var written = Directory.EnumerateFiles(Path.Combine(dir.FullName, "src", "Stayline", "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "placeholder=\"([^@\"][^\"]*)\"")
                .Select(m => $"{Path.GetFileName(f)}: {m.Groups[1].Value}"))
            .ToList();

        Assert.True(written.Count == 0, "Placeholders written in the page: " + string.Join("; ", written));
    }
}
