using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeopleWithoutProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The people without a protection row, kept by triggers (the board's "not worked out yet" check).
            migrationBuilder.Sql(global::Stayline.Data.PeopleWithoutProtection.CreatePostgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(global::Stayline.Data.PeopleWithoutProtection.DropPostgres);
        }
    }
}
