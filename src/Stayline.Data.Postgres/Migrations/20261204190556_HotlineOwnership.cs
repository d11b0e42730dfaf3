using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HotlineOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "OrganisationId",
                table: "hotline_reports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "OrganisationId",
                table: "hotline_calls",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Data step (by hand): reports already received belong to the coordinating organisation, which runs the
            // hotline; a call to the organisation of the staff member who took it (else the coordinating one).
            migrationBuilder.Sql("""
                UPDATE hotline_reports SET "OrganisationId" = COALESCE(
                    (SELECT "Id" FROM organisations WHERE "IsCoordinating" ORDER BY "Id" LIMIT 1), (SELECT MIN("Id") FROM organisations));
                UPDATE hotline_calls SET "OrganisationId" = COALESCE(
                    (SELECT u."OrganisationId" FROM "AspNetUsers" AS u WHERE u."Id" = hotline_calls."TakenBy"),
                    (SELECT "Id" FROM organisations WHERE "IsCoordinating" ORDER BY "Id" LIMIT 1), (SELECT MIN("Id") FROM organisations));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_hotline_reports_OrganisationId",
                table: "hotline_reports",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_calls_OrganisationId",
                table: "hotline_calls",
                column: "OrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_hotline_calls_organisations_OrganisationId",
                table: "hotline_calls",
                column: "OrganisationId",
                principalTable: "organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_hotline_reports_organisations_OrganisationId",
                table: "hotline_reports",
                column: "OrganisationId",
                principalTable: "organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_hotline_calls_organisations_OrganisationId",
                table: "hotline_calls");

            migrationBuilder.DropForeignKey(
                name: "FK_hotline_reports_organisations_OrganisationId",
                table: "hotline_reports");

            migrationBuilder.DropIndex(
                name: "IX_hotline_reports_OrganisationId",
                table: "hotline_reports");

            migrationBuilder.DropIndex(
                name: "IX_hotline_calls_OrganisationId",
                table: "hotline_calls");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "hotline_reports");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "hotline_calls");
        }
    }
}
