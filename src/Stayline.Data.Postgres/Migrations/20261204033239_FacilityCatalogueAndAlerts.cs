using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
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
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "County",
                table: "facilities",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Division",
                table: "facilities",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IceCode",
                table: "facilities",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "facilities",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Type",
                table: "facilities",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    CustodyEpisodeId = table.Column<long>(type: "bigint", nullable: false),
                    FromFacilityId = table.Column<long>(type: "bigint", nullable: true),
                    ToFacilityId = table.Column<long>(type: "bigint", nullable: true),
                    FromDistrict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToDistrict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HabeasFiledBefore = table.Column<bool>(type: "boolean", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "text", nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcknowledgeNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NotifiedVia = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
