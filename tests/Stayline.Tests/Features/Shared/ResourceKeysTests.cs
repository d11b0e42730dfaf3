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

    /// <summary>A translation inserts the same values as the English text ({0}, {1}...; its own format after the colon):
    /// an extra placeholder throws when the page formats it, a lost one drops a value. Only the singular forms ("...One")
    /// may say their one in words.</summary>
    [Theory]
    [InlineData("Strings.ar.resx")]
    [InlineData("Strings.es.resx")]
    public void Translation_InsertsTheSameValuesAsTheEnglish(string file)
    {
        static Dictionary<string, string> Values(string f) =>
            XDocument.Load(Path.Combine(Root(), "src", "Stayline", "Resources", f)).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
        static HashSet<string> Holes(string text) => System.Text.RegularExpressions.Regex.Matches(text, @"(?<!\{)\{(\d+)[^{}]*\}")
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var english = Values("Strings.resx");
        var differing = Values(file).Where(t => english.TryGetValue(t.Key, out var e)
                && !(t.Key.EndsWith("One", StringComparison.Ordinal) ? Holes(t.Value).IsSubsetOf(Holes(e)) : Holes(t.Value).SetEquals(Holes(e))))
            .Select(t => $"{t.Key}: \"{t.Value}\"").ToList();

        Assert.Empty(differing);
    }

    [Fact]
    public void Navigation_EveryLabelIsAKey()
    {
        var keys = Keys("Strings.resx");
        Assert.All(Navigation.All, l => Assert.Contains(l.Label, keys));
    }

    /// <summary>English enum labels come from <see cref="Labels.Of"/> alone: an "Enum.Type.Member" entry mirrors it exactly,
    /// names a real member, and every member of an enum the pages translate has an entry.</summary>
    [Fact]
    public void EnumEntries_MirrorLabelsOf_AndCoverEveryMemberOfTheirEnum()
    {
        var english = XDocument.Load(Path.Combine(Root(), "src", "Stayline", "Resources", "Strings.resx")).Root!.Elements("data")
            .Where(d => ((string)d.Attribute("name")!).StartsWith("Enum.", StringComparison.Ordinal))
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
        var enums = new[] { typeof(Stayline.Domain.Matters.MatterKind).Assembly, typeof(Stayline.Data.StaylineDbContext).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum).ToLookup(t => t.Name, StringComparer.Ordinal);
        var covered = new HashSet<Type>();
        foreach (var (key, value) in english)
        {
            var parts = key.Split('.');
            var type = Assert.Single(enums[parts[1]]);
            covered.Add(type);
            var member = (Enum)Enum.Parse(type, parts[2]);
            Assert.Equal(Labels.Of(member), value);
        }

        foreach (var type in covered)
        {
            foreach (var name in Enum.GetNames(type).Where(n => !(type.IsDefined(typeof(FlagsAttribute), false) && n == "None")))
            {
                Assert.True(english.ContainsKey($"Enum.{type.Name}.{name}"), $"Enum.{type.Name}.{name} missing");
            }
        }
    }
}
