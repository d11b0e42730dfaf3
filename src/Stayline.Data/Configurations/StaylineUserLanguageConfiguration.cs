using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stayline.Data.Configurations;

internal sealed class StaylineUserLanguageConfiguration : IEntityTypeConfiguration<StaylineUser>
{
    public void Configure(EntityTypeBuilder<StaylineUser> b) => b.Property(u => u.UiLanguage).HasMaxLength(8);
}
