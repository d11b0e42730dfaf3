using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class S6Board : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_person_deadlines_PersonId",
                table: "person_deadlines");

            migrationBuilder.DropIndex(
                name: "IX_assignments_UserId_To",
                table: "assignments");

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

            migrationBuilder.CreateIndex(
                name: "IX_assignments_UserId_To_PersonId",
                table: "assignments",
                columns: new[] { "UserId", "To", "PersonId" });
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

            migrationBuilder.DropIndex(
                name: "IX_assignments_UserId_To_PersonId",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_person_deadlines_PersonId",
                table: "person_deadlines",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_UserId_To",
                table: "assignments",
                columns: new[] { "UserId", "To" });
        }
    }
}
