using System.Collections.Concurrent;
using System.Data;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Npgsql;

namespace Stayline.Data.Bulk;

/// <summary>
/// How rows of <typeparamref name="TRow"/> are written to an entity's table, taken from the EF model: the table, and
/// for every mapped property the column name and the stored form (its value converter, e.g. an enum as its name,
/// a DateTimeOffset as ticks on SQLite). Row members are matched to properties by name; a property without a
/// member, or a member without a property, is an error when the table is first used (and in its test), so a new
/// field is either written or explicitly left to the database, never silently dropped. A row may instead carry the
/// entity itself (a member of the entity's type): its mapped properties that no other member names are read from it,
/// so a field added to the entity is written with no change here. Binding is compiled once.
/// </summary>
public sealed class ModelTable<TRow>
{
    private static readonly ConcurrentDictionary<(IModel, Type, string), ModelTable<TRow>> Cache = new();

    private ModelTable(string table, IReadOnlyList<string> columns, IReadOnlyList<string> omitted, Action<SqliteStatement, TRow, int> bindSqlite,
        Action<NpgsqlBinaryImporter, TRow> writeCopy, Action<TRow, object?[], int> values, DbType?[] types, Type entity, IReadOnlyList<string> fromEntity)
    {
        FromEntity = fromEntity;
        Table = table;
        Columns = columns;
        Omitted = omitted;
        BindSqlite = bindSqlite;
        WriteCopy = writeCopy;
        Values = values;
        Types = types;
        Entity = entity;
    }

    /// <summary>The table name as the model maps it.</summary>
    public string Table { get; }

    /// <summary>The columns written, in the order values are bound.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The model's columns this table leaves to the database (its generated key and those listed as omitted).</summary>
    public IReadOnlyList<string> Omitted { get; }

    /// <summary>The properties read from the row's entity member (none when the row has no such member).</summary>
    public IReadOnlyList<string> FromEntity { get; }

    internal Type Entity { get; }

    /// <summary>Binds a row's values to parameters offset+1.. of a one-row statement.</summary>
    internal Action<SqliteStatement, TRow, int> BindSqlite { get; }

    /// <summary>Writes a row's values to a binary COPY (after StartRow).</summary>
    internal Action<NpgsqlBinaryImporter, TRow> WriteCopy { get; }

    /// <summary>A row's stored values (DBNull for null) at values[offset..].</summary>
    internal Action<TRow, object?[], int> Values { get; }

    /// <summary>Parameter types where every provider agrees on them (text and integers), else null.</summary>
    internal DbType?[] Types { get; }

    /// <summary>
    /// The table of <typeparamref name="TEntity"/> for rows of <typeparamref name="TRow"/>.
    /// </summary>
    /// <param name="omit">Properties the database fills (defaults, columns this path never sets).</param>
    public static ModelTable<TRow> For<TEntity>(IModel model, params string[] omit) =>
        Cache.GetOrAdd((model, typeof(TEntity), string.Join(",", omit)), key => Build(key.Item1.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model."), omit));

    private static ModelTable<TRow> Build(IEntityType entity, string[] omit)
    {
        var tableName = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var members = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod is not null).Cast<MemberInfo>()
            .Concat(typeof(TRow).GetFields(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => !Attribute.IsDefined(m, typeof(NotStoredAttribute)))
            .ToDictionary(m => m.Name, StringComparer.Ordinal);
        var whole = members.Values.FirstOrDefault(m => (m is PropertyInfo p ? p.PropertyType : ((FieldInfo)m).FieldType) == entity.ClrType);
        if (whole is not null)
        {
            members.Remove(whole.Name);
        }

        var fromEntity = new List<IProperty>();
        var written = new List<IProperty>();
        var omitted = new List<string>();
        foreach (var property in entity.GetProperties())
        {
            if (omit.Contains(property.Name))
            {
                members.Remove(property.Name);
                omitted.Add(property.GetColumnName(store)!);
            }
            else if (members.Remove(property.Name))
            {
                written.Add(property);
            }
            else if (whole is not null && property.PropertyInfo is not null)
            {
                written.Add(property);
                fromEntity.Add(property);
            }
            else if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd)
            {
                omitted.Add(property.GetColumnName(store)!);
            }
            else
            {
                throw new InvalidOperationException(
                    $"Column {tableName}.{property.GetColumnName(store)} ({entity.ClrType.Name}.{property.Name}) has no member in {typeof(TRow).Name}: add one, or list it as left to the database.");
            }
        }

        if (members.Count > 0)
        {
            throw new InvalidOperationException(
                $"{typeof(TRow).Name}.{string.Join(", ", members.Keys)} matches no property of {entity.ClrType.Name} (table {tableName}).");
        }

        var row = Expression.Parameter(typeof(TRow), "row");
        var statement = Expression.Parameter(typeof(SqliteStatement), "statement");
        var offset = Expression.Parameter(typeof(int), "offset");
        var copy = Expression.Parameter(typeof(NpgsqlBinaryImporter), "copy");
        var values = Expression.Parameter(typeof(object?[]), "values");
        var sqlite = new List<Expression>();
        var postgres = new List<Expression>();
        var boxed = new List<Expression>();
        var types = new DbType?[written.Count];
        for (var i = 0; i < written.Count; i++)
        {
            var property = written[i];
            var source = fromEntity.Contains(property) ? Expression.Property(Expression.PropertyOrField(row, whole!.Name), property.PropertyInfo!)
                : Expression.PropertyOrField(row, property.Name);
            var (hasValue, value) = Stored(source, property, typeof(TRow));
            var index = Expression.Add(offset, Expression.Constant(i + 1));
            sqlite.Add(Guard(hasValue, SqliteBind(statement, index, value, property),
                Expression.Call(statement, nameof(SqliteStatement.BindNull), null, index)));
            var pgValue = value.Type == typeof(DateTimeOffset) ? Expression.Call(value, nameof(DateTimeOffset.ToUniversalTime), null) : value;
            postgres.Add(Guard(hasValue, Expression.Call(copy, nameof(NpgsqlBinaryImporter.Write), [pgValue.Type], pgValue),
                Expression.Call(copy, nameof(NpgsqlBinaryImporter.WriteNull), null)));
            var slot = Expression.ArrayAccess(values, Expression.Add(offset, Expression.Constant(i)));
            boxed.Add(Expression.Assign(slot, hasValue is null
                ? Expression.Convert(value, typeof(object))
                : Expression.Condition(hasValue, Expression.Convert(value, typeof(object)), Expression.Constant(DBNull.Value, typeof(object)))));
            types[i] = value.Type == typeof(string) ? DbType.String : value.Type == typeof(long) ? DbType.Int64 : value.Type == typeof(int) ? DbType.Int32 : null;
        }

        return new ModelTable<TRow>(tableName, [.. written.Select(p => p.GetColumnName(store)!)], omitted,
            Expression.Lambda<Action<SqliteStatement, TRow, int>>(Block(sqlite), statement, row, offset).Compile(),
            Expression.Lambda<Action<NpgsqlBinaryImporter, TRow>>(Block(postgres), copy, row).Compile(),
            Expression.Lambda<Action<TRow, object?[], int>>(Block(boxed), row, values, offset).Compile(),
            types, entity.ClrType, [.. fromEntity.Select(p => p.Name)]);
    }

    private static Expression Block(List<Expression> body) => body.Count == 0 ? Expression.Empty() : Expression.Block(body);

    private static Expression Guard(Expression? hasValue, Expression then, Expression otherwise) =>
        hasValue is null ? then : Expression.IfThenElse(hasValue, then, otherwise);

    /// <summary>The member's stored value (after the property's value converter) and when it is not null.</summary>
    private static (Expression? HasValue, Expression Value) Stored(Expression member, IProperty property, Type rowType)
    {
        var type = member.Type;
        var model = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        Expression? hasValue = null;
        Expression value = member;
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            hasValue = Expression.Property(member, "HasValue");
            value = Expression.Property(member, "Value");
            type = inner;
        }
        else if (!type.IsValueType)
        {
            hasValue = Expression.NotEqual(member, Expression.Constant(null, type));
        }

        if (type != model)
        {
            throw new InvalidOperationException($"{rowType.Name}.{property.Name} is a {type.Name}; the model stores a {model.Name}.");
        }

        if ((property.GetTypeMapping().Converter ?? property.GetValueConverter()) is { } converter)
        {
            var convert = converter.ConvertToProviderExpression;
            var input = value.Type == convert.Parameters[0].Type ? value : Expression.Convert(value, convert.Parameters[0].Type);
            value = ReplacingExpressionVisitor.Replace(convert.Parameters[0], input, convert.Body);
            if (Nullable.GetUnderlyingType(value.Type) is { } provider)
            {
                value = Expression.Convert(value, provider);
            }
        }

        return (hasValue, value);
    }

    private static Expression SqliteBind(Expression statement, Expression index, Expression value, IProperty property)
    {
        var type = value.Type.IsEnum ? Enum.GetUnderlyingType(value.Type) : value.Type;
        if (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(bool))
        {
            Expression asLong = type == typeof(bool) ? Expression.Condition(value, Expression.Constant(1L), Expression.Constant(0L)) : Expression.Convert(value, typeof(long));
            return Expression.Call(statement, nameof(SqliteStatement.Bind), null, index, asLong);
        }

        if (type == typeof(string) || type == typeof(DateOnly) || type == typeof(double))
        {
            return Expression.Call(statement, typeof(SqliteStatement).GetMethod(nameof(SqliteStatement.Bind), [typeof(int), type])!, index, value);
        }

        // Only reached on the other provider's model (e.g. a DateTimeOffset, which SQLite's model stores as ticks).
        return Expression.Throw(Expression.Constant(new NotSupportedException(
            $"Column {property.Name} is stored as {value.Type.Name}, which the bulk writer does not bind on SQLite.")));
    }
}

/// <summary>A member of a row type that is not a column (e.g. a value the writer computes from others).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class NotStoredAttribute : Attribute;
