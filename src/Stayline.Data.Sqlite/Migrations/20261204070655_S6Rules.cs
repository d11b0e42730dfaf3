using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stayline.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class S6Rules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AcceptedDespiteWaiver",
                table: "matters",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ChallengesMatterId",
                table: "matters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChallengesOrderId",
                table: "matters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ground",
                table: "matters",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StayFiledOn",
                table: "matters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                table: "matters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_matters_ChallengesMatterId",
                table: "matters",
                column: "ChallengesMatterId");

            migrationBuilder.CreateIndex(
                name: "IX_matters_ChallengesOrderId",
                table: "matters",
                column: "ChallengesOrderId");

            migrationBuilder.AddForeignKey(
                name: "FK_matters_matters_ChallengesMatterId",
                table: "matters",
                column: "ChallengesMatterId",
                principalTable: "matters",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_matters_removal_orders_ChallengesOrderId",
                table: "matters",
                column: "ChallengesOrderId",
                principalTable: "removal_orders",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_matters_matters_ChallengesMatterId",
                table: "matters");

            migrationBuilder.DropForeignKey(
                name: "FK_matters_removal_orders_ChallengesOrderId",
                table: "matters");

            migrationBuilder.DropIndex(
                name: "IX_matters_ChallengesMatterId",
                table: "matters");

            migrationBuilder.DropIndex(
                name: "IX_matters_ChallengesOrderId",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "AcceptedDespiteWaiver",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "ChallengesMatterId",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "ChallengesOrderId",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "Ground",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "StayFiledOn",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "WithdrawnOn",
                table: "matters");
        }
    }
}
