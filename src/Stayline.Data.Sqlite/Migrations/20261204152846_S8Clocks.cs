using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class S8Clocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ReturnDueOn",
                table: "matters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ShowCauseOrderedOn",
                table: "matters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_person_deadlines_RuleId_CourtOrderId_DueDate_Id",
                table: "person_deadlines",
                columns: new[] { "RuleId", "CourtOrderId", "DueDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_person_deadlines_State_DueDate_RuleId_CourtOrderId",
                table: "person_deadlines",
                columns: new[] { "State", "DueDate", "RuleId", "CourtOrderId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_person_deadlines_RuleId_CourtOrderId_DueDate_Id",
                table: "person_deadlines");

            migrationBuilder.DropIndex(
                name: "IX_person_deadlines_State_DueDate_RuleId_CourtOrderId",
                table: "person_deadlines");

            migrationBuilder.DropColumn(
                name: "ReturnDueOn",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "ShowCauseOrderedOn",
                table: "matters");
        }
    }
}
