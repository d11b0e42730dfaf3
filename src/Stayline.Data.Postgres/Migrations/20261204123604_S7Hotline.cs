using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class S7Hotline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UiLanguage",
                table: "AspNetUsers",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hotline_calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CallerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CallerPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    AboutName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Promised = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TakenBy = table.Column<string>(type: "text", nullable: true),
                    TakenByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    HotlineReportId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    DetaineeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ANumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    CallerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CallerPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Facility = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SuggestedPersonId = table.Column<long>(type: "bigint", nullable: true),
                    SuggestedScore = table.Column<double>(type: "double precision", nullable: true),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "text", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_calls_At",
                table: "hotline_calls",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_calls_PersonId",
                table: "hotline_calls",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_reports_LinkedAt",
                table: "hotline_reports",
                column: "LinkedAt");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_reports_Status_ReceivedAt",
                table: "hotline_reports",
                columns: new[] { "Status", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotline_calls");

            migrationBuilder.DropTable(
                name: "hotline_reports");

            migrationBuilder.DropColumn(
                name: "UiLanguage",
                table: "AspNetUsers");
        }
    }
}
