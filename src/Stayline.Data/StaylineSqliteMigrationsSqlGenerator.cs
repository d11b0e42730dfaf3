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
/// <item>The cascade from people: the model has no foreign key (nor an index by person: ADR 0003); a trigger on
/// people deletes a person's rows by their exact keys, read from the person's NameIndex.</item>
/// </list>
/// Table rebuilds in later migrations go through the same statements and keep both (a rebuild of either table
/// drops the trigger before its rename and makes it again after).
/// </summary>
public sealed class StaylineSqliteMigrationsSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider annotations)
    : SqliteMigrationsSqlGenerator(dependencies, annotations)
{
    private const string TokenTable = PersonSearch.TokenTable;
    private const string CascadeTrigger = PersonSearch.CascadeTrigger;

    /// <summary>EF Core rebuilds a SQLite table by creating it under this prefix, copying, dropping and renaming.</summary>
    private const string RebuildPrefix = "ef_temp_";

    private static bool IsTokenTable(string name) => name == TokenTable || name == RebuildPrefix + TokenTable;

    /// <summary>Set while generating a migration that creates, rebuilds or renames people or the token table. EF Core
    /// turns an AlterColumn (and the like) into a rebuild only inside the base generator, so the operations as
    /// written do not show it; the create and rename steps of the rebuild pass through here.</summary>
    private bool _cascadeNeeded;

    /// <summary>Set while generating a migration that rebuilds people or person_protection: the triggers keeping
    /// <see cref="PeopleWithoutProtection"/> are dropped before the rebuild and made again (with the table's rows) at the end.</summary>
    private bool _withoutProtectionNeeded;

    private static bool KeepsWithoutProtection(string name) => name is "people" or "person_protection" or RebuildPrefix + "people" or RebuildPrefix + "person_protection";

    protected override void Generate(RenameTableOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        base.Generate(operation, model, builder);
        _cascadeNeeded |= operation.NewName is "people" or TokenTable;
        _withoutProtectionNeeded |= operation.NewName is { } name && KeepsWithoutProtection(name);
    }

    protected override void Generate(CreateTableOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        _cascadeNeeded |= operation.Name is "people" or RebuildPrefix + "people" || IsTokenTable(operation.Name);
        if (operation.Name.StartsWith(RebuildPrefix, StringComparison.Ordinal) && KeepsWithoutProtection(operation.Name))
        {
            // The rebuild drops the old table and renames the copy; SQLite checks every trigger's tables on the rename.
            builder.AppendLine(PeopleWithoutProtection.DropSqliteTriggers);
            EndStatement(builder);
            _withoutProtectionNeeded = true;
        }
        if (!IsTokenTable(operation.Name))
        {
            base.Generate(operation, model, builder, terminate);
            return;
        }

        if (operation.Name != TokenTable)
        {
            // A rebuild of the token table drops it and renames the copy: SQLite (3.26+) checks triggers on the
            // rename, and the cascade trigger names the dropped table. It is dropped here and made again at the end.
            builder.AppendLine($"DROP TRIGGER IF EXISTS \"{CascadeTrigger}\"");
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }

        base.Generate(operation, model, builder, terminate: false);
        builder.Append(" WITHOUT ROWID");
        if (terminate)
        {
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }
    }

    /// <summary>
    /// After a migration that creates or rebuilds people or the token table (dropping people, as a rebuild does, drops
    /// its triggers; a rebuild of the token table dropped the cascade before its rename), the cascade is made again,
    /// last, when both tables exist.
    /// </summary>
    public override IReadOnlyList<MigrationCommand> Generate(IReadOnlyList<MigrationOperation> operations, IModel? model = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        _cascadeNeeded = false;
        _withoutProtectionNeeded = false;
        var commands = base.Generate(operations, model, options);
        if (_withoutProtectionNeeded)
        {
            var again = new MigrationCommandListBuilder(Dependencies);
            again.AppendLine(PeopleWithoutProtection.CreateSqlite);
            again.EndCommand();
            commands = [.. commands, .. again.GetCommandList()];
        }

        if (!_cascadeNeeded)
        {
            return commands;
        }

        var builder = new MigrationCommandListBuilder(Dependencies);
        builder.AppendLine($"DROP TRIGGER IF EXISTS \"{CascadeTrigger}\"");
        builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
        builder.EndCommand();
        // The person's rows, by their exact keys, from the NameIndex the person carries (PersonSearch.NameIndex).
        builder.AppendLine($"CREATE TRIGGER \"{CascadeTrigger}\" AFTER DELETE ON \"people\" WHEN OLD.\"{PersonSearch.NameIndexColumn}\" IS NOT NULL BEGIN "
            + $"DELETE FROM \"{TokenTable}\" WHERE \"Token\" IN (SELECT value FROM json_each(OLD.\"{PersonSearch.NameIndexColumn}\", '$.tokens')) "
            + $"AND \"SortName\" = json_extract(OLD.\"{PersonSearch.NameIndexColumn}\", '$.sort') AND \"PersonId\" = OLD.\"Id\"; END");
        builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
        builder.EndCommand();
        return [.. commands, .. builder.GetCommandList()];
    }
}
