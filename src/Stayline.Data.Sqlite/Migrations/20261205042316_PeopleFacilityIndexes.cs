using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PeopleFacilityIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_people_CurrentFacilityId",
                table: "people");

            migrationBuilder.CreateIndex(
                name: "IX_people_CurrentFacilityId_OrganisationId",
                table: "people",
                columns: new[] { "CurrentFacilityId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_people_CurrentFacilityId_SortName",
                table: "people",
                columns: new[] { "CurrentFacilityId", "SortName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_people_CurrentFacilityId_OrganisationId",
                table: "people");

            migrationBuilder.DropIndex(
                name: "IX_people_CurrentFacilityId_SortName",
                table: "people");

            migrationBuilder.CreateIndex(
                name: "IX_people_CurrentFacilityId",
                table: "people",
                column: "CurrentFacilityId");
        }
    }
}
