using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProtectionReasonsOnRead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReasonsJson",
                table: "person_protection");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReasonsJson",
                table: "person_protection",
                type: "text",
                nullable: false,
                defaultValue: "");
        }
    }
}
