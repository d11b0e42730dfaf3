using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProtectionListCustodyNameIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_people_CustodyStatus_SortName",
                table: "people",
                columns: new[] { "CustodyStatus", "SortName" });

            migrationBuilder.CreateIndex(
                name: "IX_people_OrganisationId_CustodyStatus_SortName",
                table: "people",
                columns: new[] { "OrganisationId", "CustodyStatus", "SortName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_people_CustodyStatus_SortName",
                table: "people");

            migrationBuilder.DropIndex(
                name: "IX_people_OrganisationId_CustodyStatus_SortName",
                table: "people");
        }
    }
}
