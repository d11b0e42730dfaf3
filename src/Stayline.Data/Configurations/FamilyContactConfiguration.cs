using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class FamilyContactConfiguration : IEntityTypeConfiguration<FamilyContact>
{
    public void Configure(EntityTypeBuilder<FamilyContact> b)
    {
        b.ToTable("family_contacts");
        b.Property(p => p.Name).HasMaxLength(200);
    }
}
