using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.People;

namespace Stayline.Data;

/// <summary>
/// One version of a DOCX template. Uploading a new file adds a version; generation uses the newest one and
/// records which version it used. Kept in this assembly (not the domain) so that the generic change audit
/// does not copy file contents into the audit log: the documents feature writes its own audit events.
/// </summary>
public sealed class DocumentTemplate
{
    public long Id { get; set; }
    /// <summary>Stable id used on the command line, e.g. "habeas-2241".</summary>
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>A draft generated for a person, kept on their file.</summary>
public sealed class GeneratedDocument
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public string TemplateKey { get; set; } = "";
    public int TemplateVersion { get; set; }
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    /// <summary>Labels of the merge values the draft still lacks, one per line.</summary>
    public string? Missing { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>A people-list filter a user saved under a name (the list's query string).</summary>
public sealed class SavedFilter
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Query { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> b)
    {
        b.ToTable("document_templates");
        b.Property(t => t.Key).HasMaxLength(60);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.CreatedBy).HasMaxLength(200);
        b.HasIndex(t => new { t.Key, t.Version }).IsUnique();
    }
}

internal sealed class GeneratedDocumentConfiguration : IEntityTypeConfiguration<GeneratedDocument>
{
    public void Configure(EntityTypeBuilder<GeneratedDocument> b)
    {
        b.ToTable("generated_documents");
        b.Property(t => t.TemplateKey).HasMaxLength(60);
        b.Property(t => t.FileName).HasMaxLength(200);
        b.Property(t => t.CreatedBy).HasMaxLength(200);
        b.HasIndex(t => new { t.PersonId, t.CreatedAt });
        b.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> b)
    {
        b.ToTable("saved_filters");
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Query).HasMaxLength(2000);
        b.HasIndex(t => new { t.UserId, t.Name }).IsUnique();
        b.HasOne<StaylineUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
