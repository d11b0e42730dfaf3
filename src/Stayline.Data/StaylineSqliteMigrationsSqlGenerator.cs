using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Stayline.Data;

/// <summary>
/// SQLite migrations with the name-token table stored the way a bulk write of millions of rows wants it, which
/// EF Core cannot express:
/// <list type="bullet">
/// <item><c>WITHOUT ROWID</c>: the rows live in the primary key's B-tree alone (a rowid table keeps the rows and
/// a separate index for the key), so each row is written once; the key covers every column anyway.</item>
/// <item>No foreign key to people: SQLite checks one per inserted row (a seek into people for each of about four
/// token rows per person), which cost more than writing the row. A trigger on people does the cascade instead;
/// every writer of tokens (the context, the bulk writer) takes the person ids from saved people.</item>
/// </list>
/// The model keeps the foreign key (PostgreSQL has it, and checks a bulk load once when it is added back). Table
/// rebuilds in later migrations go through the same statements and keep both (a rebuild of either table drops the
/// trigger before its rename and makes it again after).
/// </summary>
public sealed class StaylineSqliteMigrationsSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider annotations)
    : SqliteMigrationsSqlGenerator(dependencies, annotations)
{
    public const string TokenTable = "person_name_tokens";

    /// <summary>The trigger that deletes a person's token rows with the person (the foreign key's ON DELETE CASCADE).</summary>
    public const string CascadeTrigger = "person_name_tokens_cascade";

    /// <summary>EF Core rebuilds a SQLite table by creating it under this prefix, copying, dropping and renaming.</summary>
    private const string RebuildPrefix = "ef_temp_";

    private static bool IsTokenTable(string name) => name == TokenTable || name == RebuildPrefix + TokenTable;

    protected override void Generate(CreateTableOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        if (!IsTokenTable(operation.Name))
        {
            base.Generate(operation, model, builder, terminate);
            return;
        }

        if (operation.Name != TokenTable)
        {
            // A rebuild of the token table drops it and renames the copy: SQLite (3.26+) checks triggers on the
            // rename, and the cascade trigger names the dropped table. It is dropped here and made again on rename.
            builder.AppendLine($"DROP TRIGGER IF EXISTS \"{CascadeTrigger}\"");
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }

        operation.ForeignKeys.Clear();
        base.Generate(operation, model, builder, terminate: false);
        builder.Append(" WITHOUT ROWID");
        if (terminate)
        {
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }

        if (operation.Name == TokenTable)
        {
            CreateCascade(builder);
        }
    }

    protected override void Generate(RenameTableOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        base.Generate(operation, model, builder);
        // Dropping people (a rebuild) drops its triggers, and a rebuild of the token table dropped the cascade
        // before its rename: the rebuilt table gets it back.
        if (operation.NewName is "people" or TokenTable)
        {
            CreateCascade(builder);
        }
    }

    private void CreateCascade(MigrationCommandListBuilder builder)
    {
        builder.AppendLine($"DROP TRIGGER IF EXISTS \"{CascadeTrigger}\"");
        builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
        EndStatement(builder);
        builder.AppendLine($"CREATE TRIGGER \"{CascadeTrigger}\" AFTER DELETE ON \"people\" BEGIN DELETE FROM \"{TokenTable}\" WHERE \"PersonId\" = OLD.\"Id\"; END");
        builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
        EndStatement(builder);
    }
}
