using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class S7Triage : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_person_events_BatchId",
                table: "person_events",
                column: "BatchId");

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
                name: "IX_bulk_batches_At",
                table: "bulk_batches",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bulk_batches");

            migrationBuilder.DropIndex(
                name: "IX_person_events_BatchId",
                table: "person_events");

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

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "person_events");

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
        }
    }
}
