namespace Stayline.Domain.Documents;

public enum MergeTagKind
{
    Value,
    Each,
    If,
    Unless,
    Else,
    EndEach,
    EndIf,
    EndUnless,
}

/// <summary>One {{...}} tag: a value, a block opening (#each, #if, #unless), {{else}} or a block closing.</summary>
public sealed record MergeTag(MergeTagKind Kind, string Path)
{
    public bool Opens => Kind is MergeTagKind.Each or MergeTagKind.If or MergeTagKind.Unless;

    public bool Closes => Kind is MergeTagKind.EndEach or MergeTagKind.EndIf or MergeTagKind.EndUnless;

    public MergeTagKind ClosingKind => Kind switch
    {
        MergeTagKind.Each => MergeTagKind.EndEach,
        MergeTagKind.If => MergeTagKind.EndIf,
        MergeTagKind.Unless => MergeTagKind.EndUnless,
        _ => throw new InvalidOperationException($"{Kind} does not open a block."),
    };

    /// <summary>Parses the text between "{{" and "}}"; null with an error message for an unknown or malformed tag.</summary>
    public static MergeTag? Parse(string inner, out string? error)
    {
        error = null;
        var text = inner.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? text : text[..space];
        var path = space < 0 ? "" : text[(space + 1)..].Trim();
        MergeTag? tag = head switch
        {
            "#each" => new(MergeTagKind.Each, path),
            "#if" => new(MergeTagKind.If, path),
            "#unless" => new(MergeTagKind.Unless, path),
            "else" when path.Length == 0 => new(MergeTagKind.Else, ""),
            "/each" => new(MergeTagKind.EndEach, ""),
            "/if" => new(MergeTagKind.EndIf, ""),
            "/unless" => new(MergeTagKind.EndUnless, ""),
            _ when space < 0 && IsPath(text) => new(MergeTagKind.Value, text),
            _ => null,
        };
        if (tag is null || (tag.Opens && !IsPath(tag.Path)))
        {
            error = $"\"{{{{{inner}}}}}\" is not a merge field: use {{{{person.full_name}}}}, {{{{#each list}}}}...{{{{/each}}}} or {{{{#if field}}}}...{{{{else}}}}...{{{{/if}}}}.";
            return null;
        }

        return tag;
    }

    private static bool IsPath(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '@');
}

/// <summary>Where a block's else and closing tags are, as indexes into the tag sequence.</summary>
public sealed record MergeBlock(int Open, int? Else, int Close);

public static class MergeBlocks
{
    /// <summary>
    /// Finds the block that opens at <paramref name="open"/>: its {{else}} (same depth) and matching close.
    /// Returns null with an error naming the field when the close is missing or of the wrong kind.
    /// </summary>
    public static MergeBlock? Match(IReadOnlyList<MergeTag> tags, int open, out string? error)
    {
        error = null;
        var depth = 0;
        int? elseAt = null;
        for (var i = open + 1; i < tags.Count; i++)
        {
            var t = tags[i];
            if (t.Opens)
            {
                depth++;
            }
            else if (t.Closes && depth > 0)
            {
                depth--;
            }
            else if (t.Closes)
            {
                if (t.Kind != tags[open].ClosingKind)
                {
                    error = $"{Describe(tags[open])} is closed by {Describe(t)}.";
                    return null;
                }

                return new MergeBlock(open, elseAt, i);
            }
            else if (t.Kind == MergeTagKind.Else && depth == 0)
            {
                if (elseAt is not null || tags[open].Kind == MergeTagKind.Each)
                {
                    error = $"{{{{else}}}} does not belong in {Describe(tags[open])}.";
                    return null;
                }

                elseAt = i;
            }
        }

        error = $"{Describe(tags[open])} is never closed.";
        return null;
    }

    /// <summary>Checks a whole template's tag sequence: every block closed, no stray else or closing tag.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<MergeTag> tags)
    {
        var errors = new List<string>();
        var depth = 0;
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i].Opens)
            {
                if (depth == 0 && Match(tags, i, out var error) is null)
                {
                    errors.Add(error!);
                }

                depth++;
            }
            else if (tags[i].Closes)
            {
                if (depth == 0)
                {
                    errors.Add($"{Describe(tags[i])} has no opening tag.");
                }

                depth = Math.Max(0, depth - 1);
            }
            else if (tags[i].Kind == MergeTagKind.Else && depth == 0)
            {
                errors.Add("{{else}} is outside any {{#if}} block.");
            }
        }

        return errors;
    }

    private static string Describe(MergeTag t) => t.Kind switch
    {
        MergeTagKind.Each => $"{{{{#each {t.Path}}}}}",
        MergeTagKind.If => $"{{{{#if {t.Path}}}}}",
        MergeTagKind.Unless => $"{{{{#unless {t.Path}}}}}",
        MergeTagKind.EndEach => "{{/each}}",
        MergeTagKind.EndIf => "{{/if}}",
        MergeTagKind.EndUnless => "{{/unless}}",
        _ => "{{" + t.Path + "}}",
    };
}
