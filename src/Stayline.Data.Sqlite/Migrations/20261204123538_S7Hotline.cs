using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hotline_calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    CallerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CallerPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    AboutName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Promised = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", nullable: true),
                    TakenByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    HotlineReportId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DetaineeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ANumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    CallerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CallerPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Facility = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SuggestedPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    SuggestedScore = table.Column<double>(type: "REAL", nullable: true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
