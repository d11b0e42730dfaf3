using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Respondents;

namespace Stayline.Data.Configurations;

internal sealed class RespondentRuleConfiguration : IEntityTypeConfiguration<RespondentRule>
{
    public void Configure(EntityTypeBuilder<RespondentRule> b)
    {
        b.ToTable("respondent_rules");
        b.Property(r => r.District).HasMaxLength(20);
        b.HasIndex(r => r.District).IsUnique();
        b.Property(r => r.Source).HasMaxLength(1000);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}
