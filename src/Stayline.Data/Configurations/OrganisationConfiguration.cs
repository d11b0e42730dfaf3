using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Organisations;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.Property(o => o.Name).HasMaxLength(Organisation.NameLength);
        b.HasIndex(o => o.Name).IsUnique();
        // Exactly one coordinating organisation: at most one row may carry the flag (the migration makes the first).
        b.HasIndex(o => o.IsCoordinating).IsUnique().HasFilter("\"IsCoordinating\"");
    }
}

internal sealed class PersonShareConfiguration : IEntityTypeConfiguration<PersonShare>
{
    public void Configure(EntityTypeBuilder<PersonShare> b)
    {
        b.ToTable("person_shares");
        // The visibility filter's lookup: is this person shared with this organisation?
        b.HasIndex(s => new { s.PersonId, s.OrganisationId }).IsUnique();
        b.HasIndex(s => s.OrganisationId);
        b.Property(s => s.SharedByName).HasMaxLength(256);
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdversePartyConfiguration : IEntityTypeConfiguration<AdverseParty>
{
    public void Configure(EntityTypeBuilder<AdverseParty> b)
    {
        b.ToTable("adverse_parties");
        b.Property(a => a.Name).HasMaxLength(AdverseParty.NameLength);
        b.HasIndex(a => a.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConflictCheckConfiguration : IEntityTypeConfiguration<ConflictCheck>
{
    public void Configure(EntityTypeBuilder<ConflictCheck> b)
    {
        b.ToTable("conflict_checks");
        b.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Decision).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Name).HasMaxLength(400);
        b.Property(c => c.CheckedByName).HasMaxLength(256);
        b.Property(c => c.DecidedByName).HasMaxLength(256);
        b.Property(c => c.DecisionReason).HasMaxLength(ConflictCheck.ReasonLength);
        b.HasIndex(c => c.PersonId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
