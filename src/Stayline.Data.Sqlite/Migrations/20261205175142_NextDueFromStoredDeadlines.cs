using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NextDueFromStoredDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_people_OrganisationId_CustodyStatus",
                table: "people",
                columns: new[] { "OrganisationId", "CustodyStatus" });

            // Protection rows written before NextDueDate existed (format 2) hold no next deadline until the start-up
            // recompute rewrites them, and the board's "by next deadline" order would list their people with "no
            // deadline" meanwhile: set it now from the stored deadline rows, as DerivedWrite.RefreshNextDueAsync does
            // (the earliest open deadline with a due day, derived or entered by hand). The recompute writes the same.
            migrationBuilder.Sql("""
                UPDATE person_protection SET "NextDueDate" = (
                    SELECT MIN(d."DueDate") FROM person_deadlines d
                    WHERE d."PersonId" = person_protection."PersonId" AND d."State" = 'Open' AND d."DueDate" IS NOT NULL)
                WHERE "NextDueDate" IS NULL
                  AND "PersonId" IN (SELECT "PersonId" FROM person_deadlines WHERE "State" = 'Open' AND "DueDate" IS NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_people_OrganisationId_CustodyStatus",
                table: "people");
        }
    }
}
