using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Stayline.Domain.Documents;

namespace Stayline.Features.Documents;

/// <summary>
/// Merge fields in a Word document. Word splits typed text across runs at will (spell-check marks, edits,
/// formatting changes), so each paragraph is first normalised until every {{tag}} sits alone in one run.
/// Blocks then repeat or keep: the runs between two tags in one paragraph; the paragraphs between two tag
/// paragraphs (a tag paragraph holding nothing else disappears); or the table rows from the row of the
/// opening tag to the row of the closing tag.
/// </summary>
internal static class DocxMerge
{
    /// <summary>Every part that can hold merge fields: the body, headers and footers.</summary>
    public static IEnumerable<OpenXmlPartRootElement> Roots(WordprocessingDocument doc)
    {
        var main = doc.MainDocumentPart ?? throw new InvalidDataException("The file is not a Word document (no main document part).");
        yield return main.Document;
        foreach (var h in main.HeaderParts)
        {
            yield return h.Header;
        }

        foreach (var f in main.FooterParts)
        {
            yield return f.Footer;
        }
    }

    public static void Normalise(OpenXmlElement root)
    {
        foreach (var p in root.Descendants<Paragraph>().ToList())
        {
            NormaliseParagraph(p);
        }
    }

    /// <summary>The tags of a normalised document with their parse errors, for checking an uploaded template.</summary>
    public static IReadOnlyList<string> Check(OpenXmlElement root)
    {
        var errors = new List<string>();
        var tags = new List<MergeTag>();
        foreach (var run in root.Descendants<Run>())
        {
            if (TagText(run) is { } inner)
            {
                if (MergeTag.Parse(inner, out var error) is { } tag)
                {
                    tags.Add(tag);
                }
                else
                {
                    errors.Add(error!);
                }
            }
        }

        errors.AddRange(MergeBlocks.Check(tags));
        return errors;
    }

    public static void Render(OpenXmlElement root, MergeScope scope, List<string> errors)
    {
        var body = root is Document d ? d.Body! : root;
        RenderUnits(body.ChildElements.ToList(), scope, errors);
    }

    private static void RenderUnits(IReadOnlyList<OpenXmlElement> units, MergeScope scope, List<string> errors)
    {
        var found = new List<(Run Run, MergeTag Tag)>();
        foreach (var unit in units)
        {
            foreach (var run in unit is Run r ? [r] : unit.Descendants<Run>())
            {
                if (TagText(run) is { } inner)
                {
                    if (MergeTag.Parse(inner, out var error) is { } tag)
                    {
                        found.Add((run, tag));
                    }
                    else
                    {
                        errors.Add(error!);
                    }
                }
            }
        }

        var tags = found.Select(f => f.Tag).ToList();
        for (var i = 0; i < found.Count; i++)
        {
            var (run, tag) = found[i];
            if (tag.Kind == MergeTagKind.Value)
            {
                SetText(run, scope.Text(tag.Path));
                continue;
            }

            string? error = null;
            var block = tag.Opens ? MergeBlocks.Match(tags, i, out error) : null;
            if (block is null)
            {
                errors.Add(error ?? $"Stray {{{{{TagText(run)}}}}} outside any block.");
                run.Remove();
                continue;
            }

            var shape = Shape(found[i].Run, block.Else is { } e ? found[e].Run : null, found[block.Close].Run);
            if (shape is null)
            {
                errors.Add($"{{{{{TagText(run)}}}}} and its closing tag must be in one paragraph, in sibling paragraphs, or in rows of one table.");
                run.Remove();
                i = block.Close;
                continue;
            }

            if (tag.Kind == MergeTagKind.Each)
            {
                var items = scope.Items(tag.Path);
                if (shape.Then.Count > 0)
                {
                    var anchor = shape.Then[0];
                    for (var n = 0; n < items.Count; n++)
                    {
                        var copies = shape.Then.Select(u => anchor.Parent!.InsertBefore(u.CloneNode(true), anchor)).ToList();
                        RenderUnits(copies, scope.Child(items[n], n), errors);
                    }
                }

                RemoveAll(shape.Then);
            }
            else
            {
                var keep = scope.IsTrue(tag.Path) == (tag.Kind == MergeTagKind.If);
                RemoveAll(keep ? shape.Else : shape.Then);
                RenderUnits(keep ? shape.Then : shape.Else, scope, errors);
            }

            i = block.Close;
        }
    }

    private sealed record BlockShape(IReadOnlyList<OpenXmlElement> Then, IReadOnlyList<OpenXmlElement> Else);

    /// <summary>Finds what a block covers and takes its tags out of the document.</summary>
    private static BlockShape? Shape(Run open, Run? otherwise, Run close)
    {
        var pOpen = open.Ancestors<Paragraph>().First();
        var pClose = close.Ancestors<Paragraph>().First();
        var pElse = otherwise?.Ancestors<Paragraph>().First();
        if (pOpen == pClose && open.Parent == close.Parent && (otherwise is null || otherwise.Parent == open.Parent))
        {
            var shape = new BlockShape(Between(open, otherwise ?? close), otherwise is null ? [] : Between(otherwise, close));
            open.Remove();
            otherwise?.Remove();
            close.Remove();
            return shape;
        }

        if (pOpen != pClose && pOpen.Parent == pClose.Parent && (pElse is null || (pElse.Parent == pOpen.Parent && pElse != pOpen && pElse != pClose)))
        {
            var shape = new BlockShape(Between(pOpen, pElse ?? pClose), pElse is null ? [] : Between(pElse, pClose));
            foreach (var (run, p) in new[] { (open, pOpen), (otherwise, pElse), (close, pClose) })
            {
                run?.Remove();
                if (p is not null && p.Descendants<Text>().All(t => t.Text.Length == 0) && !p.Descendants<Drawing>().Any())
                {
                    p.Remove();
                }
            }

            return shape;
        }

        var rowOpen = open.Ancestors<TableRow>().FirstOrDefault();
        var rowClose = close.Ancestors<TableRow>().FirstOrDefault();
        if (otherwise is null && rowOpen is not null && rowClose is not null && rowOpen.Parent == rowClose.Parent)
        {
            var rows = new List<OpenXmlElement> { rowOpen };
            rows.AddRange(Between(rowOpen, rowClose));
            if (rowClose != rowOpen)
            {
                rows.Add(rowClose);
            }

            open.Remove();
            close.Remove();
            return new BlockShape(rows, []);
        }

        return null;
    }

    private static List<OpenXmlElement> Between(OpenXmlElement first, OpenXmlElement last)
    {
        var list = new List<OpenXmlElement>();
        for (var e = first.NextSibling(); e is not null && e != last; e = e.NextSibling())
        {
            list.Add(e);
        }

        return list;
    }

    private static void RemoveAll(IEnumerable<OpenXmlElement> units)
    {
        foreach (var u in units)
        {
            var cell = u.Parent as TableCell;
            u.Remove();
            if (cell is not null && !cell.Elements<Paragraph>().Any() && !cell.Elements<Table>().Any())
            {
                cell.AppendChild(new Paragraph()); // Word refuses a table cell without a paragraph.
            }
        }
    }

    /// <summary>The inner text of a run that is exactly one tag (after normalisation), else null.</summary>
    private static string? TagText(Run run)
    {
        Text? only = null;
        foreach (var child in run.ChildElements)
        {
            if (child is Text t)
            {
                if (only is not null)
                {
                    return null;
                }

                only = t;
            }
        }

        var s = only?.Text;
        return s is { Length: > 4 } && s.StartsWith("{{", StringComparison.Ordinal) && s.EndsWith("}}", StringComparison.Ordinal)
            && s.IndexOf("}}", 2, StringComparison.Ordinal) == s.Length - 2
            ? s[2..^2]
            : null;
    }

    private static void SetText(Run run, string value)
    {
        var text = run.GetFirstChild<Text>()!;
        var lines = value.Split('\n');
        text.Text = lines[0];
        text.Space = SpaceProcessingModeValues.Preserve;
        OpenXmlElement after = text;
        foreach (var line in lines.Skip(1))
        {
            after = run.InsertAfter(new Break(), after);
            after = run.InsertAfter(new Text(line) { Space = SpaceProcessingModeValues.Preserve }, after);
        }

        if (value.StartsWith("[MISSING: ", StringComparison.Ordinal))
        {
            // Highlighted so that a reviewer cannot miss what the draft still lacks.
            var props = run.RunProperties ?? run.PrependChild(new RunProperties());
            props.Highlight = new Highlight { Val = HighlightColorValues.Yellow };
        }
        else if (IsRightToLeft(value))
        {
            var props = run.RunProperties ?? run.PrependChild(new RunProperties());
            props.RightToLeftText = new RightToLeftText();
        }
    }

    private static bool IsRightToLeft(string s) =>
        s.Any(c => c is >= '\u0590' and <= '\u08FF') && !s.Any(char.IsAsciiLetter);

    /// <summary>Moves every {{tag}} of a paragraph into one text element, then splits runs so each tag has its own.</summary>
    private static void NormaliseParagraph(Paragraph p)
    {
        var texts = p.Descendants<Text>().Where(t => t.Parent is Run).ToList();
        if (texts.Count == 0)
        {
            return;
        }

        var joined = string.Concat(texts.Select(t => t.Text));
        if (!joined.Contains("{{", StringComparison.Ordinal))
        {
            return;
        }

        var spans = TextTemplate.FindTags(joined);
        var starts = new int[texts.Count];
        for (int i = 0, at = 0; i < texts.Count; at += texts[i].Text.Length, i++)
        {
            starts[i] = at;
        }

        // Back to front, so that offsets of earlier tags stay valid while text moves.
        for (var s = spans.Count - 1; s >= 0; s--)
        {
            var span = spans[s];
            var end = span.Start + span.Length;
            var first = Array.FindLastIndex(starts, x => x <= span.Start);
            while (texts[first].Text.Length == 0 && first < texts.Count - 1 && starts[first + 1] <= span.Start)
            {
                first++;
            }

            var firstEnd = starts[first] + texts[first].Text.Length;
            if (end <= firstEnd)
            {
                continue; // Already inside one text element.
            }

            var head = texts[first].Text[..(span.Start - starts[first])];
            texts[first].Text = head + joined.Substring(span.Start, span.Length);
            texts[first].Space = SpaceProcessingModeValues.Preserve;
            for (var k = first + 1; k < texts.Count && starts[k] < end; k++)
            {
                var cut = Math.Min(texts[k].Text.Length, end - starts[k]);
                texts[k].Text = texts[k].Text[cut..];
                texts[k].Space = SpaceProcessingModeValues.Preserve;
                starts[k] += cut;
            }
        }

        foreach (var t in texts)
        {
            if (t.Text.Contains("{{", StringComparison.Ordinal) && TextTemplate.FindTags(t.Text).Count > 0)
            {
                SplitAroundTags((Run)t.Parent!, t);
            }
        }
    }

    private static void SplitAroundTags(Run run, Text text)
    {
        var pieces = new List<string>();
        var pos = 0;
        foreach (var span in TextTemplate.FindTags(text.Text))
        {
            if (span.Start > pos)
            {
                pieces.Add(text.Text[pos..span.Start]);
            }

            pieces.Add(text.Text.Substring(span.Start, span.Length));
            pos = span.Start + span.Length;
        }

        if (pos < text.Text.Length)
        {
            pieces.Add(text.Text[pos..]);
        }

        if (pieces.Count == 1 && run.Elements<Text>().Count() == 1 && run.ChildElements.All(c => c is Text or RunProperties))
        {
            return; // The run already holds exactly one tag.
        }

        var before = run.ChildElements.TakeWhile(c => c != text).Where(c => c is not RunProperties).ToList();
        var after = run.ChildElements.SkipWhile(c => c != text).Skip(1).ToList();
        var parent = run.Parent!;
        Run NewRun() => run.RunProperties is { } rp ? new Run(rp.CloneNode(true)) : new Run();
        if (before.Count > 0)
        {
            var r = NewRun();
            r.Append(before.Select(c => c.CloneNode(true)));
            parent.InsertBefore(r, run);
        }

        foreach (var piece in pieces)
        {
            var r = NewRun();
            r.Append(new Text(piece) { Space = SpaceProcessingModeValues.Preserve });
            parent.InsertBefore(r, run);
        }

        if (after.Count > 0)
        {
            var r = NewRun();
            r.Append(after.Select(c => c.CloneNode(true)));
            parent.InsertBefore(r, run);
        }

        run.Remove();
    }
}
