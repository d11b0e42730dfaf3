using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FacilityCatalogueAndAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_custody_episodes_PersonId",
                table: "custody_episodes");

            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "facilities",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "County",
                table: "facilities",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Division",
                table: "facilities",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IceCode",
                table: "facilities",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "facilities",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Type",
                table: "facilities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustodyEpisodeId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromFacilityId = table.Column<long>(type: "INTEGER", nullable: true),
                    ToFacilityId = table.Column<long>(type: "INTEGER", nullable: true),
                    FromDistrict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToDistrict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    HabeasFiledBefore = table.Column<bool>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NotifiedVia = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_facilities_IceCode",
                table: "facilities",
                column: "IceCode");

            migrationBuilder.CreateIndex(
                name: "IX_custody_episodes_PersonId_From_To_EndReason",
                table: "custody_episodes",
                columns: new[] { "PersonId", "From", "To", "EndReason" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_AcknowledgedAt",
                table: "alerts",
                column: "AcknowledgedAt");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_CustodyEpisodeId_Kind",
                table: "alerts",
                columns: new[] { "CustodyEpisodeId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_PersonId_AcknowledgedAt",
                table: "alerts",
                columns: new[] { "PersonId", "AcknowledgedAt" });

            // Circuits in Bluebook form (2d, 3d), as captions and citations write them.
            migrationBuilder.Sql("UPDATE facilities SET \"Circuit\" = '2d' WHERE \"Circuit\" = '2nd'");
            migrationBuilder.Sql("UPDATE facilities SET \"Circuit\" = '3d' WHERE \"Circuit\" = '3rd'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropIndex(
                name: "IX_facilities_IceCode",
                table: "facilities");

            migrationBuilder.DropIndex(
                name: "IX_custody_episodes_PersonId_From_To_EndReason",
                table: "custody_episodes");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "County",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "Division",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "IceCode",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "facilities");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "facilities");

            migrationBuilder.CreateIndex(
                name: "IX_custody_episodes_PersonId",
                table: "custody_episodes",
                column: "PersonId");
        }
    }
}
