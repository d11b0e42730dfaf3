using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations;

namespace Stayline.Data;

/// <summary>
/// PostgreSQL migrations with the cascade from people to the token table as a trigger (the model has no foreign
/// key and no index by person: ADR 0003). One statement-level trigger: deleting many people (undoing an import)
/// deletes their token rows in one join, by the exact keys each person's NameIndex records.
/// </summary>
#pragma warning disable EF1001 // INpgsqlSingletonOptions is the provider's own constructor parameter.
public sealed class StaylinePostgresMigrationsSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, INpgsqlSingletonOptions options)
    : NpgsqlMigrationsSqlGenerator(dependencies, options)
#pragma warning restore EF1001
{
    public override IReadOnlyList<MigrationCommand> Generate(IReadOnlyList<MigrationOperation> operations, IModel? model = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        var commands = base.Generate(operations, model, options);
        const string tokens = PersonSearch.TokenTable;
        if (!operations.Any(o => o is CreateTableOperation { Name: "people" or tokens } or RenameTableOperation { NewName: "people" or tokens }))
        {
            return commands;
        }

        const string trigger = PersonSearch.CascadeTrigger;
        const string index = PersonSearch.NameIndexColumn;
        var builder = new MigrationCommandListBuilder(Dependencies);
        builder.AppendLine($"""
            CREATE OR REPLACE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                DELETE FROM {tokens} t
                USING (SELECT g."Id", g."{index}"::jsonb ->> 'sort' AS sort, jsonb_array_elements_text(g."{index}"::jsonb -> 'tokens') AS token
                       FROM gone g WHERE g."{index}" IS NOT NULL) x
                WHERE t."Token" = x.token AND t."SortName" = x.sort AND t."PersonId" = x."Id";
                RETURN NULL;
            END
            $body$;
            """);
        builder.EndCommand();
        builder.AppendLine($"DROP TRIGGER IF EXISTS {trigger} ON people;");
        builder.EndCommand();
        builder.AppendLine($"CREATE TRIGGER {trigger} AFTER DELETE ON people REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION {trigger}();");
        builder.EndCommand();
        return [.. commands, .. builder.GetCommandList()];
    }
}
