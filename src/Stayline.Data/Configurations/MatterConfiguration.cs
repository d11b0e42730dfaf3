using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Matters;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> b)
    {
        b.ToTable("matters");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(m => m.Forum).HasConversion<string>().HasMaxLength(40);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.StayOutcome).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Ground).HasConversion<string>().HasMaxLength(32);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.PersonId);
        // Covers the no-petition-yet queue's look for habeas petitions filed (by person, and all of them for its count).
        b.HasIndex(m => new { m.Kind, m.PersonId, m.FiledOn, m.Status });
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        // A deleted order or matter leaves the filing pointing at nothing: the engine then takes the latest decision.
        b.HasOne<RemovalOrder>().WithMany().HasForeignKey(m => m.ChallengesOrderId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Matter>().WithMany().HasForeignKey(m => m.ChallengesMatterId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(m => m.Events).WithOne().HasForeignKey(e => e.MatterId).OnDelete(DeleteBehavior.Cascade);
    }
}
