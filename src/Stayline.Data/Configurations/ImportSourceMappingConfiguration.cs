using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class ImportSourceMappingConfiguration : IEntityTypeConfiguration<ImportSourceMapping>
{
    public void Configure(EntityTypeBuilder<ImportSourceMapping> b)
    {
        b.ToTable("import_mappings");
        b.Property(x => x.Source).HasMaxLength(200);
        b.HasIndex(x => x.Source).IsUnique();
    }
}
