using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Session7 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BatchId",
                table: "person_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordsRequestId",
                table: "person_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OrganisationId",
                table: "people",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1L);

            migrationBuilder.AddColumn<long>(
                name: "BatchId",
                table: "custody_episodes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EndedByBatchId",
                table: "custody_episodes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BatchId",
                table: "class_memberships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BatchId",
                table: "assignments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OrganisationId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UiLanguage",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "bond_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    DhsDecision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DhsAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Eoir43FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DhsAppealFiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BriefingExtensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    BoardOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BoardDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bond_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bond_cases_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bulk_batches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    UndoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulk_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    CallerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CallerPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    AboutName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Promised = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", nullable: true),
                    TakenByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    HotlineReportId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DetaineeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ANumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    CallerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CallerPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Facility = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SuggestedPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    SuggestedScore = table.Column<double>(type: "REAL", nullable: true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsCoordinating = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.Id);
                });

            // An existing install's people and users become the default coordinating organisation's, so nothing
            // becomes invisible after the upgrade (`stayline org add --coordinating` hands the role to another).
            migrationBuilder.Sql("INSERT INTO organisations (\"Id\", \"Name\", \"IsCoordinating\", \"CreatedAt\") VALUES (1, 'Coordinating organisation', 1, 0);");
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"OrganisationId\" = 1;");

            migrationBuilder.CreateTable(
                name: "records_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgencyReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnusualCircumstances = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProduceBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProducedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "relief_claims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    MatterId = table.Column<long>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Grounds = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relief_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_relief_claims_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_relief_claims_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "adverse_parties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedById = table.Column<string>(type: "TEXT", nullable: true),
                    CheckedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HitCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HitsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<long>(type: "INTEGER", nullable: false),
                    SharedById = table.Column<string>(type: "TEXT", nullable: true),
                    SharedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SharedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_person_events_BatchId",
                table: "person_events",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_person_events_RecordsRequestId",
                table: "person_events",
                column: "RecordsRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_people_OrganisationId_SortName",
                table: "people",
                columns: new[] { "OrganisationId", "SortName" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_episodes_BatchId",
                table: "custody_episodes",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_custody_episodes_EndedByBatchId",
                table: "custody_episodes",
                column: "EndedByBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_class_memberships_BatchId",
                table: "class_memberships",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_BatchId",
                table: "assignments",
                column: "BatchId");

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
                name: "IX_bond_cases_PersonId",
                table: "bond_cases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_bulk_batches_At",
                table: "bulk_batches",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_conflict_checks_OrganisationId",
                table: "conflict_checks",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_conflict_checks_PersonId",
                table: "conflict_checks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_calls_At",
                table: "hotline_calls",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_calls_PersonId",
                table: "hotline_calls",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_reports_LinkedAt",
                table: "hotline_reports",
                column: "LinkedAt");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_reports_Status_ReceivedAt",
                table: "hotline_reports",
                columns: new[] { "Status", "ReceivedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_records_requests_PersonId_RequestedOn",
                table: "records_requests",
                columns: new[] { "PersonId", "RequestedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_records_requests_Status_Agency",
                table: "records_requests",
                columns: new[] { "Status", "Agency" });

            migrationBuilder.CreateIndex(
                name: "IX_relief_claims_MatterId",
                table: "relief_claims",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_relief_claims_PersonId",
                table: "relief_claims",
                column: "PersonId");

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
                name: "FK_AspNetUsers_organisations_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_people_organisations_OrganisationId",
                table: "people");

            migrationBuilder.DropForeignKey(
                name: "FK_person_events_records_requests_RecordsRequestId",
                table: "person_events");

            migrationBuilder.DropTable(
                name: "adverse_parties");

            migrationBuilder.DropTable(
                name: "bond_cases");

            migrationBuilder.DropTable(
                name: "bulk_batches");

            migrationBuilder.DropTable(
                name: "conflict_checks");

            migrationBuilder.DropTable(
                name: "hotline_calls");

            migrationBuilder.DropTable(
                name: "hotline_reports");

            migrationBuilder.DropTable(
                name: "person_shares");

            migrationBuilder.DropTable(
                name: "records_requests");

            migrationBuilder.DropTable(
                name: "relief_claims");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropIndex(
                name: "IX_person_events_BatchId",
                table: "person_events");

            migrationBuilder.DropIndex(
                name: "IX_person_events_RecordsRequestId",
                table: "person_events");

            migrationBuilder.DropIndex(
                name: "IX_people_OrganisationId_SortName",
                table: "people");

            migrationBuilder.DropIndex(
                name: "IX_custody_episodes_BatchId",
                table: "custody_episodes");

            migrationBuilder.DropIndex(
                name: "IX_custody_episodes_EndedByBatchId",
                table: "custody_episodes");

            migrationBuilder.DropIndex(
                name: "IX_class_memberships_BatchId",
                table: "class_memberships");

            migrationBuilder.DropIndex(
                name: "IX_assignments_BatchId",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "person_events");

            migrationBuilder.DropColumn(
                name: "RecordsRequestId",
                table: "person_events");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "people");

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "custody_episodes");

            migrationBuilder.DropColumn(
                name: "EndedByBatchId",
                table: "custody_episodes");

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "class_memberships");

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "UiLanguage",
                table: "AspNetUsers");
        }
    }
}
