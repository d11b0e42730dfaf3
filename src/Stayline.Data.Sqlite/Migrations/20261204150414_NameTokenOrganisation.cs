using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NameTokenOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "OrganisationId",
                table: "person_name_tokens",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Written by hand: the token rows of existing people take their person's organisation.
            migrationBuilder.Sql("""UPDATE person_name_tokens SET "OrganisationId" = (SELECT p."OrganisationId" FROM people AS p WHERE p."Id" = person_name_tokens."PersonId");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "person_name_tokens");
        }
    }
}
