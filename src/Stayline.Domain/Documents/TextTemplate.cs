namespace Stayline.Domain.Documents;

/// <summary>Where a {{...}} tag sits in a piece of text.</summary>
public readonly record struct TagSpan(int Start, int Length, string Inner);

public sealed record MergeResult(string Text, IReadOnlyList<string> Missing, IReadOnlyList<string> Errors);

/// <summary>
/// Merge fields in plain text (file names, e-mail bodies, and the reference semantics that the DOCX merge
/// follows): {{path}}, {{#each list}}...{{/each}}, {{#if path}}...{{else}}...{{/if}}, {{#unless path}}...{{/unless}}.
/// </summary>
public static class TextTemplate
{
    public static IReadOnlyList<TagSpan> FindTags(string text)
    {
        var spans = new List<TagSpan>();
        var at = 0;
        while ((at = text.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf("}}", at + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            spans.Add(new TagSpan(at, end + 2 - at, text[(at + 2)..end]));
            at = end + 2;
        }

        return spans;
    }

    public static MergeResult Render(string template, MergeObject data)
    {
        var spans = FindTags(template);
        var errors = new List<string>();
        var tags = new List<MergeTag>();
        foreach (var span in spans)
        {
            var tag = MergeTag.Parse(span.Inner, out var error);
            if (tag is null)
            {
                errors.Add(error!);
                return new MergeResult(template, [], errors);
            }

            tags.Add(tag);
        }

        errors.AddRange(MergeBlocks.Check(tags));
        if (errors.Count > 0)
        {
            return new MergeResult(template, [], errors);
        }

        var scope = MergeScope.Root(data);
        var output = new System.Text.StringBuilder(template.Length);
        Emit(template, spans, tags, 0, spans.Count, 0, template.Length, scope, output);
        return new MergeResult(output.ToString(), scope.Missing.Labels, []);
    }

    // Renders the text from textStart to textEnd, whose tags are tags[first..last).
    private static void Emit(string text, IReadOnlyList<TagSpan> spans, IReadOnlyList<MergeTag> tags, int first, int last,
        int textStart, int textEnd, MergeScope scope, System.Text.StringBuilder output)
    {
        var pos = textStart;
        for (var i = first; i < last; i++)
        {
            output.Append(text, pos, spans[i].Start - pos);
            var tag = tags[i];
            if (tag.Kind == MergeTagKind.Value)
            {
                output.Append(scope.Text(tag.Path));
                pos = spans[i].Start + spans[i].Length;
                continue;
            }

            var block = MergeBlocks.Match(tags, i, out _)!;
            var bodyStart = spans[i].Start + spans[i].Length;
            var thenEnd = block.Else is { } e ? e : block.Close;
            if (tag.Kind == MergeTagKind.Each)
            {
                var items = scope.Items(tag.Path);
                for (var n = 0; n < items.Count; n++)
                {
                    Emit(text, spans, tags, i + 1, block.Close, bodyStart, spans[block.Close].Start, scope.Child(items[n], n), output);
                }
            }
            else if (scope.IsTrue(tag.Path) == (tag.Kind == MergeTagKind.If))
            {
                Emit(text, spans, tags, i + 1, thenEnd, bodyStart, spans[thenEnd].Start, scope, output);
            }
            else if (block.Else is { } elseAt)
            {
                Emit(text, spans, tags, elseAt + 1, block.Close, spans[elseAt].Start + spans[elseAt].Length, spans[block.Close].Start, scope, output);
            }

            pos = spans[block.Close].Start + spans[block.Close].Length;
            i = block.Close;
        }

        output.Append(text, pos, textEnd - pos);
    }
}
