using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> b)
    {
        b.ToTable("person_names");
        b.Property(p => p.GivenName).HasMaxLength(200);
        b.Property(p => p.FamilyName).HasMaxLength(200);
        b.Property(p => p.Source).HasMaxLength(200);
        b.Ignore(p => p.FullName);
    }
}
