using DocumentFormat.OpenXml.Packaging;
using Stayline.Domain.Documents;

namespace Stayline.Features.Documents;

/// <summary>One draft for one person: the DOCX and what it still lacks.</summary>
public sealed record DocumentDraft(byte[] Docx, IReadOnlyList<string> Missing, IReadOnlyList<string> Errors);

/// <summary>
/// A template normalised once (runs merged around tags, tags checked), so that generating a thousand drafts
/// costs one package copy and one tree walk each.
/// </summary>
public sealed class CompiledTemplate
{
    private readonly byte[] _normalised;

    private CompiledTemplate(byte[] normalised, IReadOnlyList<string> errors)
    {
        _normalised = normalised;
        Errors = errors;
    }

    /// <summary>Problems in the template itself (unknown tags, unclosed blocks); empty when it is usable.</summary>
    public IReadOnlyList<string> Errors { get; }

    public static CompiledTemplate Compile(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        var errors = new List<string>();
        try
        {
            using (var doc = WordprocessingDocument.Open(stream, true))
            {
                foreach (var root in DocxMerge.Roots(doc))
                {
                    DocxMerge.Normalise(root);
                    errors.AddRange(DocxMerge.Check(root));
                }
            }

            return new CompiledTemplate(stream.ToArray(), errors);
        }
        catch (Exception ex) when (ex is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or FileFormatException)
        {
            return new CompiledTemplate(docx, [$"Not a readable Word (.docx) file: {ex.Message}"]);
        }
    }

    public DocumentDraft Generate(MergeObject data)
    {
        if (Errors.Count > 0)
        {
            throw new InvalidOperationException("The template has errors: " + string.Join(" ", Errors));
        }

        using var stream = new MemoryStream(_normalised.Length + 4096);
        stream.Write(_normalised);
        var scope = MergeScope.Root(data);
        var errors = new List<string>();
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            foreach (var root in DocxMerge.Roots(doc))
            {
                DocxMerge.Render(root, scope, errors);
            }
        }

        return new DocumentDraft(stream.ToArray(), scope.Missing.Labels, errors);
    }
}
