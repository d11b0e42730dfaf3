using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class PersonNameKeyConfiguration : IEntityTypeConfiguration<PersonNameKey>
{
    public void Configure(EntityTypeBuilder<PersonNameKey> b)
    {
        b.ToTable("name_keys");
        // Key first: a search looks up the tokens of a key.
        b.HasKey(k => new { k.Key, k.Token });
        b.Property(k => k.Key).HasMaxLength(100);
        b.Property(k => k.Token).HasMaxLength(100);
    }
}
