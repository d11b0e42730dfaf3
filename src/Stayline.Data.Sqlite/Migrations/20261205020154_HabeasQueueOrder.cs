using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HabeasQueueOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_matters_Kind_PersonId_FiledOn_Status",
                table: "matters",
                columns: new[] { "Kind", "PersonId", "FiledOn", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_episodes_From_PersonId",
                table: "custody_episodes",
                columns: new[] { "From", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_matters_Kind_PersonId_FiledOn_Status",
                table: "matters");

            migrationBuilder.DropIndex(
                name: "IX_custody_episodes_From_PersonId",
                table: "custody_episodes");
        }
    }
}
