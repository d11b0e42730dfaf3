using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayline.Domain.Classes;

namespace Stayline.Data.Configurations;

internal sealed class ClassActionConfiguration : IEntityTypeConfiguration<ClassAction>
{
    public void Configure(EntityTypeBuilder<ClassAction> b)
    {
        b.ToTable("class_actions");
        b.Property(c => c.Name).HasMaxLength(200);
    }
}
