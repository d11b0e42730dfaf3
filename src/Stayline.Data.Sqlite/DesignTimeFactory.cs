using Microsoft.EntityFrameworkCore.Design;

namespace Stayline.Data.Sqlite;

/// <summary>Used only by `dotnet ef migrations add` for the SQLite migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<StaylineDbContext>
{
    public StaylineDbContext CreateDbContext(string[] args) =>
        new(StaylineDatabase.From("Data Source=design-time.db").Options());
}
