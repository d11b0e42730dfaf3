using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StoredSentences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FailureSentence",
                table: "import_jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sentence",
                table: "bulk_batches",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailureSentence",
                table: "import_jobs");

            migrationBuilder.DropColumn(
                name: "Sentence",
                table: "bulk_batches");
        }
    }
}
