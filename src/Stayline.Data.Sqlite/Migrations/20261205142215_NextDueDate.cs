using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NextDueDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDueDate",
                table: "person_protection",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_person_protection_NextDueDate_PersonId",
                table: "person_protection",
                columns: new[] { "NextDueDate", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_person_protection_NextDueDate_PersonId",
                table: "person_protection");

            migrationBuilder.DropColumn(
                name: "NextDueDate",
                table: "person_protection");
        }
    }
}
