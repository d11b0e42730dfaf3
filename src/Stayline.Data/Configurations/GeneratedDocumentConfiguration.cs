using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.People;

namespace Stayline.Data;

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
