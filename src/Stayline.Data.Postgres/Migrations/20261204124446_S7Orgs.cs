using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class S7Orgs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsCoordinating = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.Id);
                });

            // An existing install's people and users become the default coordinating organisation's, so nothing
            // becomes invisible after the upgrade (`stayline org add --coordinating` hands the role to another).
            migrationBuilder.Sql("INSERT INTO organisations (\"Id\", \"Name\", \"IsCoordinating\", \"CreatedAt\") VALUES (1, 'Coordinating organisation', TRUE, now());");
            migrationBuilder.Sql("SELECT setval(pg_get_serial_sequence('organisations', 'Id'), 1);");

            migrationBuilder.AddColumn<long>(
                name: "OrganisationId",
                table: "people",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);

            migrationBuilder.AddColumn<long>(
                name: "OrganisationId",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"OrganisationId\" = 1;");

            migrationBuilder.CreateTable(
                name: "adverse_parties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_adverse_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_adverse_parties_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_adverse_parties_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conflict_checks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: false),
                    CheckedById = table.Column<string>(type: "text", nullable: true),
                    CheckedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HitCount = table.Column<int>(type: "integer", nullable: false),
                    HitsJson = table.Column<string>(type: "text", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedById = table.Column<string>(type: "text", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conflict_checks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conflict_checks_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "person_shares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: false),
                    SharedById = table.Column<string>(type: "text", nullable: true),
                    SharedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_shares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_person_shares_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_person_shares_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_people_OrganisationId_SortName",
                table: "people",
                columns: new[] { "OrganisationId", "SortName" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_adverse_parties_OrganisationId",
                table: "adverse_parties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_adverse_parties_PersonId",
                table: "adverse_parties",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_conflict_checks_OrganisationId",
                table: "conflict_checks",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_conflict_checks_PersonId",
                table: "conflict_checks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_organisations_IsCoordinating",
                table: "organisations",
                column: "IsCoordinating",
                unique: true,
                filter: "\"IsCoordinating\"");

            migrationBuilder.CreateIndex(
                name: "IX_organisations_Name",
                table: "organisations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_person_shares_OrganisationId",
                table: "person_shares",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_person_shares_PersonId_OrganisationId",
                table: "person_shares",
                columns: new[] { "PersonId", "OrganisationId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_organisations_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId",
                principalTable: "organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_people_organisations_OrganisationId",
                table: "people",
                column: "OrganisationId",
                principalTable: "organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_organisations_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_people_organisations_OrganisationId",
                table: "people");

            migrationBuilder.DropTable(
                name: "adverse_parties");

            migrationBuilder.DropTable(
                name: "conflict_checks");

            migrationBuilder.DropTable(
                name: "person_shares");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropIndex(
                name: "IX_people_OrganisationId_SortName",
                table: "people");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "people");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "AspNetUsers");
        }
    }
}
