using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Stayline.Domain.Board;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Documents;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Domain.Respondents;

namespace Stayline.Tests.Features.Documents;

/// <summary>Builds small Word documents the way Word writes them (text split across runs) and reads results back.</summary>
internal static class Docx
{
    /// <summary>A paragraph whose text is split into the given runs, alternating bold, with spell-check marks between them.</summary>
    public static Paragraph P(params string[] runs)
    {
        var p = new Paragraph();
        for (var i = 0; i < runs.Length; i++)
        {
            if (i > 0)
            {
                p.Append(new ProofError { Type = ProofingErrorValues.SpellStart });
            }

            var run = new Run();
            if (i % 2 == 1)
            {
                run.Append(new RunProperties(new Bold()));
            }

            run.Append(new Text(runs[i]) { Space = SpaceProcessingModeValues.Preserve });
            p.Append(run);
        }

        return p;
    }

    public static Table Table(params string[][] rows)
    {
        var table = new Table(new TableProperties(new TableWidth { Width = "0", Type = TableWidthUnitValues.Auto }),
            new TableGrid(rows[0].Select(_ => new GridColumn { Width = "3000" })));
        table.Append(rows.Select(cells => new TableRow(cells.Select(c => new TableCell(P(c))))));
        return table;
    }

    public static byte[] Build(params OpenXmlElement[] body)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(body));
        }

        return stream.ToArray();
    }

    /// <summary>The text of each paragraph of the body, in order; table cells joined with " | " per row.</summary>
    public static IReadOnlyList<string> Lines(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var lines = new List<string>();
        foreach (var e in doc.MainDocumentPart!.Document.Body!.ChildElements)
        {
            if (e is Paragraph p)
            {
                lines.Add(p.InnerText);
            }
            else if (e is Table t)
            {
                lines.AddRange(t.Elements<TableRow>().Select(r => string.Join(" | ", r.Elements<TableCell>().Select(c => c.InnerText))));
            }
        }

        return lines;
    }

    public static IReadOnlyList<string> Validate(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public static MergeObject Data() => new MergeObject()
        .Set("person", new MergeObject("person")
            .Set("full_name", "Yousif Kassab")
            .Set("native_name", "يوسف قصاب")
            .Set("a_number", null, "A-number")
            .Set("aliases", [new MergeObject("alias").Set("full_name", "Youssef Qassab"), new MergeObject("alias").Set("full_name", "Yusuf Kasab")])
            .Set("convictions", [
                new MergeObject("conviction").Set("offence", "Possession").Set("date", "May 1, 1994"),
                new MergeObject("conviction").Set("offence", "Assault & battery").Set("date", (string?)null),
            ]))
        .Set("removal_order", new MergeObject("removal order").Set("date", (string?)null))
        .Set("note", "R&D <draft> \"x\" 'y'");

    /// <summary>A person with every fact the starter templates use.</summary>
    public static PersonMergeFacts CompleteFacts()
    {
        var today = new DateOnly(2017, 7, 1);
        var (person, _) = Person.Create(new PersonInput("A012-345-678", "Yousif", "Kassab", "يوسف قصاب", new DateOnly(1971, 3, 2),
            BirthDatePrecision.Exact, "Iraq", "Arabic, Chaldean Neo-Aramaic", true, today), today, DateTimeOffset.UnixEpoch);
        person!.AddAlias("Youssef", "Qassab", "ICE list");
        var (facility, _) = Facility.Create(new FacilityInput("Calhoun County Correctional Center", "Detroit Field Office", "185 E Michigan Ave",
            "Battle Creek", "MI", "49014", "W.D. Mich.", null));
        var (order, _) = RemovalOrder.Create(0, new DateOnly(1994, 5, 2), Adjudicator.ImmigrationJudge, false, false, "Iraq", today);
        var (conviction, _) = Conviction.Create(0, "Receiving stolen property", new DateOnly(1990, 4, 4), "1 year probation", true, today);
        var (matter, _) = Matter.Create(0, new MatterInput(MatterKind.MotionToReopenIj, Adjudicator.ImmigrationJudge, "Detroit Immigration Court",
            "A012-345-678-MTR", MatterStatus.Filed, new DateOnly(2017, 6, 28), null, true, null), today);
        OfficeHolder Holder(Office office, string name, long? facilityId = null, string? fieldOffice = null) =>
            OfficeHolder.Create(new OfficeHolderInput(office, name, null, new DateOnly(2017, 1, 1), null, facilityId, fieldOffice)).Holder!;
        var respondents = Respondents.For(facility, today, [Holder(Office.Warden, "Jane Doe", facility!.Id), Holder(Office.FieldOfficeDirector,
            "Rebecca Adducci", fieldOffice: "Detroit Field Office"), Holder(Office.HomelandSecuritySecretary, "John F. Kelly"),
            Holder(Office.AttorneyGeneral, "Jefferson B. Sessions III")], []);
        return new PersonMergeFacts(person, facility, new DateOnly(2017, 6, 11), order, [conviction!], [matter!],
            new ClassAction("Hamama v. Adducci", "E.D. Mich.", "2:17-cv-11910", null), "Dana Whitfield", "dana@example.org", respondents,
            new Signer("Dana Whitfield", "dana@example.org", [
                BarAdmission.Create("u1", AdmissionKind.StateBar, "MI", "P81234", new DateOnly(2009, 11, 20)).Admission!,
                BarAdmission.Create("u1", AdmissionKind.FederalDistrict, "E.D. Mich.", null, new DateOnly(2010, 2, 1)).Admission!,
                BarAdmission.Create("u1", AdmissionKind.FederalDistrict, "W.D. Mich.", null, new DateOnly(2012, 5, 7)).Admission!,
            ]));
    }
}
