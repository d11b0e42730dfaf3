using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BondCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bond_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    DhsDecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DhsAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Decision = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Eoir43FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DhsAppealFiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BriefingExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    BoardOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BoardDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bond_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bond_cases_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bond_cases_PersonId",
                table: "bond_cases",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bond_cases");
        }
    }
}
