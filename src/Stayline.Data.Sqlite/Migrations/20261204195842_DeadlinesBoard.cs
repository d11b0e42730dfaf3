using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeadlinesBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_person_deadlines_RuleId_CourtOrderId_DueDate_Id",
                table: "person_deadlines");

            migrationBuilder.CreateIndex(
                name: "IX_person_deadlines_RuleId_CourtOrderId_DueDate_Id_State_PersonId",
                table: "person_deadlines",
                columns: new[] { "RuleId", "CourtOrderId", "DueDate", "Id", "State", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_person_deadlines_RuleId_CourtOrderId_DueDate_Id_State_PersonId",
                table: "person_deadlines");

            migrationBuilder.CreateIndex(
                name: "IX_person_deadlines_RuleId_CourtOrderId_DueDate_Id",
                table: "person_deadlines",
                columns: new[] { "RuleId", "CourtOrderId", "DueDate", "Id" });
        }
    }
}
