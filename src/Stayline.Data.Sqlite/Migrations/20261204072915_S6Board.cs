using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class S6Board : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_person_protection_State",
                table: "person_protection");

            migrationBuilder.DropIndex(
                name: "IX_person_deadlines_PersonId",
                table: "person_deadlines");

            migrationBuilder.CreateIndex(
                name: "IX_person_protection_State_UntilDate",
                table: "person_protection",
                columns: new[] { "State", "UntilDate" });

            migrationBuilder.CreateIndex(
                name: "IX_person_deadlines_PersonId_State_DueDate",
                table: "person_deadlines",
                columns: new[] { "PersonId", "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_person_deadlines_State_DueDate_PersonId",
                table: "person_deadlines",
                columns: new[] { "State", "DueDate", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_people_BirthDate",
                table: "people",
                column: "BirthDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_person_protection_State_UntilDate",
                table: "person_protection");

            migrationBuilder.DropIndex(
                name: "IX_person_deadlines_PersonId_State_DueDate",
                table: "person_deadlines");

            migrationBuilder.DropIndex(
                name: "IX_person_deadlines_State_DueDate_PersonId",
                table: "person_deadlines");

            migrationBuilder.DropIndex(
                name: "IX_people_BirthDate",
                table: "people");

            migrationBuilder.CreateIndex(
                name: "IX_person_protection_State",
                table: "person_protection",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_person_deadlines_PersonId",
                table: "person_deadlines",
                column: "PersonId");
        }
    }
}
