using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Classes;
using Stayline.Domain.Custody;
using Stayline.Domain.Matters;
using Stayline.Domain.People;
using Stayline.Domain.Work;

namespace Stayline.Data.Configurations;

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> b)
    {
        b.ToTable("facilities");
        b.Property(f => f.Name).HasMaxLength(200);
        b.HasIndex(f => f.Name);
        b.Property(f => f.State).HasMaxLength(2);
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}

internal sealed class CustodyEpisodeConfiguration : IEntityTypeConfiguration<CustodyEpisode>
{
    public void Configure(EntityTypeBuilder<CustodyEpisode> b)
    {
        b.ToTable("custody_episodes");
        b.Property(e => e.EndReason).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasOne(e => e.Facility).WithMany().HasForeignKey(e => e.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.IsOpen);
    }
}

internal sealed class PersonEventConfiguration : IEntityTypeConfiguration<PersonEvent>
{
    public void Configure(EntityTypeBuilder<PersonEvent> b)
    {
        b.ToTable("person_events");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(e => new { e.PersonId, e.On });
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> b)
    {
        b.ToTable("matters");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(m => m.Forum).HasConversion<string>().HasMaxLength(40);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.StayOutcome).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Events).WithOne().HasForeignKey(e => e.MatterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatterEventConfiguration : IEntityTypeConfiguration<MatterEvent>
{
    public void Configure(EntityTypeBuilder<MatterEvent> b)
    {
        b.ToTable("matter_events");
        b.Property(e => e.Kind).HasMaxLength(60);
    }
}

internal sealed class RemovalOrderConfiguration : IEntityTypeConfiguration<RemovalOrder>
{
    public void Configure(EntityTypeBuilder<RemovalOrder> b)
    {
        b.ToTable("removal_orders");
        b.Property(o => o.IssuedBy).HasConversion<string>().HasMaxLength(40);
        b.Property(o => o.Proceeding).HasConversion<string>().HasMaxLength(20);
        b.Ignore(o => o.Appeal);
        b.HasIndex(o => o.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConvictionConfiguration : IEntityTypeConfiguration<Conviction>
{
    public void Configure(EntityTypeBuilder<Conviction> b)
    {
        b.ToTable("convictions");
        b.HasIndex(o => o.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClassActionConfiguration : IEntityTypeConfiguration<ClassAction>
{
    public void Configure(EntityTypeBuilder<ClassAction> b)
    {
        b.ToTable("class_actions");
        b.Property(c => c.Name).HasMaxLength(200);
    }
}

internal sealed class ClassMembershipConfiguration : IEntityTypeConfiguration<ClassMembership>
{
    public void Configure(EntityTypeBuilder<ClassMembership> b)
    {
        b.ToTable("class_memberships");
        b.HasKey(m => new { m.ClassActionId, m.PersonId });
        b.HasIndex(m => m.PersonId);
        b.HasOne<ClassAction>().WithMany().HasForeignKey(m => m.ClassActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourtOrderConfiguration : IEntityTypeConfiguration<CourtOrder>
{
    public void Configure(EntityTypeBuilder<CourtOrder> b)
    {
        b.ToTable("court_orders");
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(o => o.ClassActionId);
        b.HasIndex(o => o.PersonId);
        b.HasOne<ClassAction>().WithMany().HasForeignKey(o => o.ClassActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("assignments");
        b.HasIndex(a => new { a.PersonId, a.To });
        b.HasIndex(a => new { a.UserId, a.To });
        b.Ignore(a => a.IsActive);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaylineUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> b)
    {
        b.ToTable("notes");
        b.HasIndex(n => n.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StaylineUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.PersonId, a.At });
        b.HasIndex(a => new { a.UserId, a.At });
        b.Property(a => a.Action).HasMaxLength(16);
        b.Property(a => a.EntityType).HasMaxLength(60);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("api_tokens");
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne<StaylineUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
