using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuthSessionsAndKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Before this migration an admin's lock was Identity's lockout until the end of time (stored in SQLite as
            // DateTimeOffsetToBinaryConverter's number, here the one for 2200-01-01): it becomes "disabled".
            migrationBuilder.Sql("UPDATE AspNetUsers SET Disabled = 1, LockoutEnd = NULL WHERE LockoutEnd > 1421183287296000000;");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropColumn(
                name: "Disabled",
                table: "AspNetUsers");
        }
    }
}
