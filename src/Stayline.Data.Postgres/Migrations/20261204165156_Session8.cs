using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Session8 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_person_deadlines_State_DueDate_PersonId",
                table: "person_deadlines");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReturnDueOn",
                table: "matters",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ShowCauseOrderedOn",
                table: "matters",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "bar_admissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BarNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AdmittedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bar_admissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bar_admissions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_posts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: false),
                    District = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FacilityId = table.Column<long>(type: "bigint", nullable: true),
                    Needs = table.Column<int>(type: "integer", nullable: false),
                    Languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PostedById = table.Column<string>(type: "text", nullable: true),
                    PostedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ClaimedById = table.Column<string>(type: "text", nullable: true),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalationMailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_posts_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_case_posts_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_person_deadlines_RuleId_CourtOrderId_DueDate_Id",
                table: "person_deadlines",
                columns: new[] { "RuleId", "CourtOrderId", "DueDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_person_deadlines_State_DueDate_PersonId_RuleId_CourtOrderId",
                table: "person_deadlines",
                columns: new[] { "State", "DueDate", "PersonId", "RuleId", "CourtOrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_bar_admissions_Jurisdiction_Kind",
                table: "bar_admissions",
                columns: new[] { "Jurisdiction", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_bar_admissions_UserId",
                table: "bar_admissions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_case_posts_OrganisationId",
                table: "case_posts",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_case_posts_PersonId",
                table: "case_posts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_case_posts_Status_District_PostedAt",
                table: "case_posts",
                columns: new[] { "Status", "District", "PostedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bar_admissions");

            migrationBuilder.DropTable(
                name: "case_posts");

            migrationBuilder.DropIndex(
                name: "IX_person_deadlines_RuleId_CourtOrderId_DueDate_Id",
                table: "person_deadlines");

            migrationBuilder.DropIndex(
                name: "IX_person_deadlines_State_DueDate_PersonId_RuleId_CourtOrderId",
                table: "person_deadlines");

            migrationBuilder.DropColumn(
                name: "ReturnDueOn",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "ShowCauseOrderedOn",
                table: "matters");

            migrationBuilder.CreateIndex(
                name: "IX_person_deadlines_State_DueDate_PersonId",
                table: "person_deadlines",
                columns: new[] { "State", "DueDate", "PersonId" });
        }
    }
}
