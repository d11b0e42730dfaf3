using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DuplicatePairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "duplicate_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Aliases = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAliasId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duplicate_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "duplicate_pairs",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    LowId = table.Column<long>(type: "INTEGER", nullable: false),
                    HighId = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    NameLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    NameWeight = table.Column<double>(type: "REAL", nullable: false),
                    BirthDateLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDateWeight = table.Column<double>(type: "REAL", nullable: false),
                    ANumberLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    ANumberWeight = table.Column<double>(type: "REAL", nullable: false),
                    CountryLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryWeight = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duplicate_pairs", x => new { x.RunId, x.LowId, x.HighId });
                    table.ForeignKey(
                        name: "FK_duplicate_pairs_duplicate_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "duplicate_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_pairs_RunId_Score_LowId_HighId",
                table: "duplicate_pairs",
                columns: new[] { "RunId", "Score", "LowId", "HighId" },
                descending: new[] { false, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_runs_Scope",
                table: "duplicate_runs",
                column: "Scope");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "duplicate_pairs");

            migrationBuilder.DropTable(
                name: "duplicate_runs");
        }
    }
}
