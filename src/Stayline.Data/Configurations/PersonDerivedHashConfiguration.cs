using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class PersonDerivedHashConfiguration : IEntityTypeConfiguration<PersonDerivedHash>
{
    public void Configure(EntityTypeBuilder<PersonDerivedHash> b)
    {
        b.ToTable("person_derived_hashes");
        b.HasKey(h => h.PersonId);
        b.Property(h => h.PersonId).ValueGeneratedNever();
        // Tied to the protection row: a result whose protection row is gone has no fingerprint and is rewritten whole.
        b.HasOne<PersonProtection>().WithOne().HasForeignKey<PersonDerivedHash>(h => h.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
