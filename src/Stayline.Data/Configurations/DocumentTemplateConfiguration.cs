using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data;

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
