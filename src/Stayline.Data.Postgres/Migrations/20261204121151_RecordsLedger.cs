using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecordsLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RecordsRequestId",
                table: "person_events",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "records_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Agency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AgencyReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TrackingNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnusualCircumstances = table.Column<bool>(type: "boolean", nullable: false),
                    ProduceBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ProducedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_records_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_records_requests_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_person_events_RecordsRequestId",
                table: "person_events",
                column: "RecordsRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_records_requests_PersonId_RequestedOn",
                table: "records_requests",
                columns: new[] { "PersonId", "RequestedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_records_requests_Status_Agency",
                table: "records_requests",
                columns: new[] { "Status", "Agency" });

            migrationBuilder.AddForeignKey(
                name: "FK_person_events_records_requests_RecordsRequestId",
                table: "person_events",
                column: "RecordsRequestId",
                principalTable: "records_requests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_person_events_records_requests_RecordsRequestId",
                table: "person_events");

            migrationBuilder.DropTable(
                name: "records_requests");

            migrationBuilder.DropIndex(
                name: "IX_person_events_RecordsRequestId",
                table: "person_events");

            migrationBuilder.DropColumn(
                name: "RecordsRequestId",
                table: "person_events");
        }
    }
}
