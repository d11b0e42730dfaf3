using System.Text;
using System.Xml.Linq;

namespace Stayline.Tests.Features.Shared;

/// <summary>Every sentence the validation code can build has its translation: the source of Stayline.Domain and of the
/// features is read, every interpolated string given to <c>Sentence.Of</c>, <c>Validation.Add</c> or
/// <c>Validation.Require</c> turned into the composite format the compiler builds (the resource key), and the key looked
/// up in the three resx files. A sentence added without a key would show English on an Arabic page.</summary>
public class SentenceKeysTests
{

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Stayline.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Stayline.slnx not found above the test folder.");
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Root(), "src", "Stayline", "Resources", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The formats of every sentence built from an interpolated string, with where each is.</summary>
    public static Dictionary<string, string> Formats()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { Path.Combine("src", "Stayline.Domain"), Path.Combine("src", "Stayline", "Features") })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Root(), folder), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var src = File.ReadAllText(file);
                foreach (var (at, body) in InterpolatedStrings(src))
                {
                    var call = Callee(src, at);
                    if (call.EndsWith("Require", StringComparison.Ordinal) || call is "v.Add" or "Sentence.Of")
                    {
                        found.TryAdd(CompositeFormat(body), $"{Path.GetFileName(file)}:{src.AsSpan(0, at).Count('\n') + 1}");
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Regular interpolated strings ($"..."): their position and the text between the quotes.</summary>
    private static IEnumerable<(int At, string Body)> InterpolatedStrings(string src)
    {
        var i = 0;
        while (i < src.Length)
        {
            if (src.AsSpan(i).StartsWith("//"))
            {
                var nl = src.IndexOf('\n', i);
                i = nl < 0 ? src.Length : nl;
            }
            else if (src.AsSpan(i).StartsWith("/*"))
            {
                i = src.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
            }
            else if (src[i] == '\'')
            {
                var j = i + 1;
                while (src[j] != '\'')
                {
                    j += src[j] == '\\' ? 2 : 1;
                }

                i = j + 1;
            }
            else if (src[i] == '"' || (src[i] is '$' or '@' && i + 1 < src.Length && src[i + 1] is '"' or '$' or '@'))
            {
                var start = i;
                var prefix = new StringBuilder();
                while (src[i] is '$' or '@')
                {
                    prefix.Append(src[i++]);
                }

                var interpolated = prefix.ToString().Contains('$', StringComparison.Ordinal);
                var verbatim = prefix.ToString().Contains('@', StringComparison.Ordinal);
                if (src.AsSpan(i).StartsWith("\"\"\""))
                {
                    i = src.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal) + 3;
                    continue;
                }

                var end = EndOfString(src, i + 1, interpolated, verbatim);
                if (interpolated && !verbatim)
                {
                    yield return (start, src[(i + 1)..end]);
                }

                i = end + 1;
            }
            else
            {
                i++;
            }
        }
    }

    private static int EndOfString(string src, int j, bool interpolated, bool verbatim)
    {
        var depth = 0;
        while (true)
        {
            var c = src[j];
            if (interpolated && c == '{' && depth == 0 && src[j + 1] == '{')
            {
                j += 2;
            }
            else if (interpolated && c == '{')
            {
                depth++;
                j++;
            }
            else if (interpolated && c == '}')
            {
                if (depth == 0 && src[j + 1] == '}')
                {
                    j += 2;
                    continue;
                }

                depth--;
                j++;
            }
            else if (depth > 0 && c == '"')
            {
                j = EndOfString(src, j + 1, src[j - 1] == '$', false) + 1;
            }
            else if (!verbatim && c == '\\')
            {
                j += 2;
            }
            else if (c == '"' && verbatim && src[j + 1] == '"')
            {
                j += 2;
            }
            else if (c == '"')
            {
                return j;
            }
            else
            {
                j++;
            }
        }
    }

    /// <summary>The composite format the compiler builds: holes numbered in order, alignment and format kept.</summary>
    private static string CompositeFormat(string body)
    {
        var sb = new StringBuilder();
        var index = 0;
        for (var k = 0; k < body.Length;)
        {
            var c = body[k];
            if (c == '{' && body[k + 1] == '{')
            {
                sb.Append("{{");
                k += 2;
            }
            else if (c == '{')
            {
                var (hole, next) = Hole(body, k + 1);
                sb.Append('{').Append(index++).Append(Spec(hole)).Append('}');
                k = next;
            }
            else if (c == '}')
            {
                sb.Append("}}");
                k += 2;
            }
            else if (c == '\\')
            {
                sb.Append(body[k + 1] switch { 'n' => '\n', 't' => '\t', var e => e });
                k += 2;
            }
            else
            {
                sb.Append(c);
                k++;
            }
        }

        return sb.ToString();
    }

    /// <summary>The expression of a hole (up to its closing brace, skipping nested strings and braces).</summary>
    private static (string Hole, int Next) Hole(string body, int from)
    {
        var depth = 1;
        var j = from;
        while (true)
        {
            if (body[j] == '"')
            {
                j = EndOfString(body, j + 1, body[j - 1] == '$', false);
            }
            else if (body[j] == '{')
            {
                depth++;
            }
            else if (body[j] == '}' && --depth == 0)
            {
                return (body[from..j], j + 1);
            }

            j++;
        }
    }

    /// <summary>",5" or ":yyyy-MM-dd" after the expression, outside brackets and the condition of a ?: .</summary>
    private static string Spec(string hole)
    {
        var depth = 0;
        var ternary = 0;
        for (var p = 0; p < hole.Length; p++)
        {
            switch (hole[p])
            {
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case '?' when depth == 0 && p + 1 < hole.Length && hole[p + 1] is not ('?' or '.' or '['):
                    ternary++;
                    break;
                case ':' when depth == 0 && ternary > 0:
                    ternary--;
                    break;
                case ',' or ':' when depth == 0:
                    return hole[p..];
            }
        }

        return "";
    }

    /// <summary>The method whose argument list holds the position ("v.Require", "Sentence.Of"), or "" outside a call.</summary>
    private static string Callee(string src, int at)
    {
        var depth = 0;
        for (var j = at - 1; j >= 0; j--)
        {
            var c = src[j];
            if (c is ')' or ']' or '}')
            {
                depth++;
            }
            else if (c is '(' or '[' or '{')
            {
                if (depth-- > 0)
                {
                    continue;
                }

                if (c != '(')
                {
                    return "";
                }

                var end = j;
                while (end > 0 && char.IsWhiteSpace(src[end - 1]))
                {
                    end--;
                }

                var start = end;
                while (start > 0 && (char.IsLetterOrDigit(src[start - 1]) || src[start - 1] is '_' or '.'))
                {
                    start--;
                }

                return src[start..end];
            }
            else if (c == ';' && depth == 0)
            {
                return "";
            }
        }

        return "";
    }

    [Fact]
    public void Scanner_FindsTheSentencesOfThisArea()
    {
        var formats = Formats();

        Assert.Contains("Detention date {0:yyyy-MM-dd} is in the future.", formats.Keys);
        Assert.Contains("A-number \"{0}\" has {1} digits; expected 8 or 9.", formats.Keys);
        Assert.Contains("{0} \"{1}\" is not a calendar date.", formats.Keys);
        Assert.Contains("row {0}, column \"{1}\", value \"{2}\": {3}", formats.Keys);
        Assert.Contains("Capacity: {0} is not a number of open cases between 0 and 10,000.", formats.Keys);
        Assert.True(formats.Count > 150, $"only {formats.Count} sentences found: the scanner lost some");
    }

    [Theory]
    [InlineData("Strings.resx")]
    [InlineData("Strings.ar.resx")]
    [InlineData("Strings.es.resx")]
    public void EverySentenceFormat_HasAKey(string file)
    {
        var keys = Keys(file);

        var missing = Formats().Where(f => !keys.Contains(f.Key)).Select(f => $"{f.Value}: {f.Key}").ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} sentences without a key in {file}:\n" + string.Join("\n", missing));
    }

    /// <summary>A key of this block that no code builds (a sentence reworded, its old key left behind) is reported.</summary>
    [Theory]
    [InlineData("s12-i18n-a:")]
    [InlineData("s13-i18n:")]
    [InlineData("s14-i18n:")]
    [InlineData("s14-rules:")]
    [InlineData("s15-import-format:")]
    public void EveryKeyOfTheBlock_IsASentenceTheCodeBuilds(string marker)
    {
        var doc = XDocument.Load(Path.Combine(Root(), "src", "Stayline", "Resources", "Strings.resx"));
        var comment = doc.Root!.Nodes().OfType<XComment>().Single(c => c.Value.Contains(marker, StringComparison.Ordinal));
        var block = comment.NodesAfterSelf().TakeWhile(n => n is not XComment).OfType<XElement>().Select(e => (string)e.Attribute("name")!).ToList();
        var formats = Formats();

        Assert.NotEmpty(block);
        Assert.DoesNotContain(block, k => !formats.ContainsKey(k));
    }
}
