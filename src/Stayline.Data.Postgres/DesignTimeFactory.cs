using Microsoft.EntityFrameworkCore.Design;

namespace Stayline.Data.Postgres;

/// <summary>Used only by `dotnet ef migrations add` for the PostgreSQL migrations (no server needed).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<StaylineDbContext>
{
    public StaylineDbContext CreateDbContext(string[] args) =>
        new(StaylineDatabase.From("Host=localhost;Database=stayline_design;Username=postgres").Options());
}
