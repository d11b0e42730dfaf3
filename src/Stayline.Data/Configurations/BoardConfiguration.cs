using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Board;
using Stayline.Domain.Organisations;
using Stayline.Domain.People;

namespace Stayline.Data.Configurations;

internal sealed class BarAdmissionConfiguration : IEntityTypeConfiguration<BarAdmission>
{
    public void Configure(EntityTypeBuilder<BarAdmission> b)
    {
        b.ToTable("bar_admissions");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Jurisdiction).HasMaxLength(20);
        b.Property(a => a.BarNumber).HasMaxLength(BarAdmission.NumberLength);
        // The board's admission check and suggestions: who is admitted to this district?
        b.HasIndex(a => new { a.Jurisdiction, a.Kind });
        b.HasIndex(a => a.UserId);
        b.HasOne<StaylineUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CasePostConfiguration : IEntityTypeConfiguration<CasePost>
{
    public void Configure(EntityTypeBuilder<CasePost> b)
    {
        b.ToTable("case_posts");
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.District).HasMaxLength(20);
        b.Property(p => p.Languages).HasMaxLength(CasePost.LanguagesLength);
        b.Property(p => p.PostedByName).HasMaxLength(256);
        // Two volunteers claiming at once: the second save finds the version changed and is refused.
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.IsOpen);
        b.Ignore(p => p.LanguageList);
        // The board: open posts by district, oldest first.
        b.HasIndex(p => new { p.Status, p.District, p.PostedAt });
        b.HasIndex(p => p.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
