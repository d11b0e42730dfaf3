using System.Xml.Linq;
using Stayline.Features.Shared;

namespace Stayline.Tests.Features.Shared;

/// <summary>Every text key exists in English, Arabic and Spanish, and every navigation link's label is a key: a key
/// missing in one language would show English (or the raw key) in the middle of a translated page.</summary>
public class ResourceKeysTests
{
    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Root(), "src", "Stayline", "Resources", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Stayline.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Stayline.slnx not found above the test folder.");
    }

    [Theory]
    [InlineData("Strings.ar.resx")]
    [InlineData("Strings.es.resx")]
    public void Translation_HasEveryEnglishKeyAndNoOther(string file)
    {
        var english = Keys("Strings.resx");
        var translated = Keys(file);
        Assert.Empty(english.Except(translated));
        Assert.Empty(translated.Except(english));
    }

    [Fact]
    public void Navigation_EveryLabelIsAKey()
    {
        var keys = Keys("Strings.resx");
        Assert.All(Navigation.All, l => Assert.Contains(l.Label, keys));
    }
}
