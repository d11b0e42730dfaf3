using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace Stayline.Data.Bulk;

/// <summary>
/// An entity's mapped properties (a list taken from the EF model) read from and set on instances without the change
/// tracker: to a bulk write's temporary file and back, and from the columns of a query below EF Core. Adding a
/// property to the entity adds it here; nothing lists the fields by hand. Compiled once per model and list.
/// </summary>
public sealed class EntityValues<TEntity>
    where TEntity : class
{
    private static readonly ConcurrentDictionary<(IModel, string), EntityValues<TEntity>> Cache = new();

    private readonly Action<BinaryWriter, TEntity> _write;
    private readonly Func<BinaryReader, TEntity> _read;
    private readonly Func<DbDataReader, int, TEntity> _fromReader;

    private EntityValues(IReadOnlyList<IProperty> properties, IReadOnlyList<string> columns)
    {
        Properties = properties;
        Columns = columns;
        var entity = Expression.Variable(typeof(TEntity), "entity");
        var writer = Expression.Parameter(typeof(BinaryWriter), "writer");
        var reader = Expression.Parameter(typeof(BinaryReader), "reader");
        var row = Expression.Parameter(typeof(DbDataReader), "row");
        var offset = Expression.Parameter(typeof(int), "offset");
        var instance = Expression.Parameter(typeof(TEntity), "instance");
        var write = new List<Expression>();
        var read = new List<Expression> { Expression.Assign(entity, New()) };
        var fromReader = new List<Expression> { Expression.Assign(entity, New()) };
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            write.Add(Binary.Write(writer, Expression.Property(instance, property.PropertyInfo!)));
            read.Add(Set(entity, property, Binary.Read(reader, property.ClrType)));
            fromReader.Add(Set(entity, property, Column(row, Expression.Add(offset, Expression.Constant(i)), property)));
        }

        read.Add(entity);
        fromReader.Add(entity);
        _write = Expression.Lambda<Action<BinaryWriter, TEntity>>(write.Count == 0 ? Expression.Empty() : Expression.Block(write), writer, instance).Compile();
        _read = Expression.Lambda<Func<BinaryReader, TEntity>>(Expression.Block([entity], read), reader).Compile();
        _fromReader = Expression.Lambda<Func<DbDataReader, int, TEntity>>(Expression.Block([entity], fromReader), row, offset).Compile();
    }

    /// <summary>The properties, in the order they are written, read and selected.</summary>
    public IReadOnlyList<IProperty> Properties { get; }

    /// <summary>Their columns, quoted, in the same order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Every mapped property that the entity class declares (not the model's shadow properties).</summary>
    public static EntityValues<TEntity> For(IModel model) => For(model, Entity(model).GetProperties().Where(p => !p.IsShadowProperty()).Select(p => p.Name));

    /// <summary>The named properties, in that order.</summary>
    public static EntityValues<TEntity> For(IModel model, IEnumerable<string> properties)
    {
        var names = properties.ToArray();
        return Cache.GetOrAdd((model, string.Join(",", names)), _ =>
        {
            var entity = Entity(model);
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var list = names.Select(n => entity.FindProperty(n) is { PropertyInfo: not null } p ? p
                : throw new InvalidOperationException($"{typeof(TEntity).Name}.{n} is not a mapped property of the class.")).ToList();
            return new EntityValues<TEntity>(list, [.. list.Select(p => BulkSql.Quote(p.GetColumnName(store)!))]);
        });
    }

    /// <summary>Writes the entity's values (a presence flag before each value that may be null).</summary>
    public void Write(BinaryWriter writer, TEntity entity) => _write(writer, entity);

    /// <summary>A new entity with the values <see cref="Write"/> wrote; properties not in the list keep their defaults.</summary>
    public TEntity Read(BinaryReader reader) => _read(reader);

    /// <summary>A new entity from the current row's columns offset.. (selected as <see cref="Columns"/>), stored forms converted back.</summary>
    public TEntity Read(DbDataReader row, int offset) => _fromReader(row, offset);

    private static IEntityType Entity(IModel model) =>
        model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");

    /// <summary>The class's parameterless constructor (private ones too, so collection initialisers run), else an uninitialised instance.</summary>
    private static Expression New() =>
        typeof(TEntity).GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is { } ctor
            ? Expression.New(ctor)
            : Expression.Convert(Expression.Call(typeof(RuntimeHelpers), nameof(RuntimeHelpers.GetUninitializedObject), null, Expression.Constant(typeof(TEntity))), typeof(TEntity));

    /// <summary>Through the property's setter (private ones too), else its backing field, as EF Core sets it.</summary>
    private static Expression Set(Expression entity, IProperty property, Expression value)
    {
        Expression member = property.PropertyInfo!.GetSetMethod(nonPublic: true) is not null
            ? Expression.Property(entity, property.PropertyInfo)
            : Expression.Field(entity, property.FieldInfo ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{property.Name} cannot be set."));
        return Expression.Assign(member, value);
    }

    /// <summary>Column <paramref name="index"/> as the property's type: the provider's value, through the property's converter.</summary>
    private static Expression Column(Expression row, Expression index, IProperty property)
    {
        var converter = property.GetTypeMapping().Converter ?? property.GetValueConverter();
        var stored = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? property.ClrType) ?? converter?.ProviderClrType ?? property.ClrType;
        Expression value = Expression.Call(row, nameof(DbDataReader.GetFieldValue), [stored], index);
        if (converter is not null)
        {
            var convert = converter.ConvertFromProviderExpression;
            var input = convert.Parameters[0].Type == stored ? value : Expression.Convert(value, convert.Parameters[0].Type);
            value = ReplacingExpressionVisitor.Replace(convert.Parameters[0], input, convert.Body);
        }

        if (value.Type != property.ClrType)
        {
            value = Expression.Convert(value, property.ClrType);
        }

        var isNull = Expression.Call(row, nameof(DbDataReader.IsDBNull), null, index);
        return property.ClrType.IsValueType && Nullable.GetUnderlyingType(property.ClrType) is null
            ? value
            : Expression.Condition(isNull, Expression.Default(property.ClrType), value);
    }

    /// <summary>The file form of a value: the CLR value itself, enums as their number, dates as day numbers.</summary>
    private static class Binary
    {
        public static Expression Write(Expression writer, Expression value)
        {
            var type = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
            if (!value.Type.IsValueType || type != value.Type)
            {
                var present = value.Type.IsValueType ? (Expression)Expression.Property(value, "HasValue") : Expression.NotEqual(value, Expression.Constant(null, value.Type));
                var inner = value.Type.IsValueType ? Expression.Property(value, "Value") : value;
                return Expression.Block(Call(writer, present), Expression.IfThen(present, Plain(writer, inner, type)));
            }

            return Plain(writer, value, type);
        }

        public static Expression Read(Expression reader, Type type)
        {
            var plain = Nullable.GetUnderlyingType(type) ?? type;
            var value = Plain(reader, plain);
            if (type.IsValueType && plain == type)
            {
                return value;
            }

            return Expression.Condition(Expression.Call(reader, nameof(BinaryReader.ReadBoolean), null), Expression.Convert(value, type), Expression.Default(type));
        }

        private static Expression Plain(Expression writer, Expression value, Type type) => type switch
        {
            _ when type.IsEnum => Call(writer, Expression.Convert(value, typeof(long))),
            _ when type == typeof(DateOnly) => Call(writer, Expression.Property(value, nameof(DateOnly.DayNumber))),
            _ when type == typeof(DateTimeOffset) => Expression.Block(Call(writer, Expression.Property(value, nameof(DateTimeOffset.Ticks))),
                Call(writer, Expression.Property(Expression.Property(value, nameof(DateTimeOffset.Offset)), nameof(TimeSpan.Ticks)))),
            _ => Call(writer, value),
        };

        private static Expression Plain(Expression reader, Type type)
        {
            Expression R(string method) => Expression.Call(reader, method, null);
            return type switch
            {
                _ when type.IsEnum => Expression.Convert(R(nameof(BinaryReader.ReadInt64)), type),
                _ when type == typeof(DateOnly) => Expression.Call(typeof(DateOnly), nameof(DateOnly.FromDayNumber), null, R(nameof(BinaryReader.ReadInt32))),
                _ when type == typeof(DateTimeOffset) => Expression.New(typeof(DateTimeOffset).GetConstructor([typeof(long), typeof(TimeSpan)])!,
                    R(nameof(BinaryReader.ReadInt64)), Expression.Call(typeof(TimeSpan), nameof(TimeSpan.FromTicks), null, R(nameof(BinaryReader.ReadInt64)))),
                _ when type == typeof(string) => R(nameof(BinaryReader.ReadString)),
                _ when type == typeof(bool) => R(nameof(BinaryReader.ReadBoolean)),
                _ when type == typeof(int) => R(nameof(BinaryReader.ReadInt32)),
                _ when type == typeof(long) => R(nameof(BinaryReader.ReadInt64)),
                _ when type == typeof(double) => R(nameof(BinaryReader.ReadDouble)),
                _ => throw new NotSupportedException($"{typeof(TEntity).Name}: a {type.Name} property is not written to a bulk file."),
            };
        }

        /// <summary>BinaryWriter.Write of the value's own type.</summary>
        private static Expression Call(Expression writer, Expression value) =>
            Expression.Call(writer, typeof(BinaryWriter).GetMethod(nameof(BinaryWriter.Write), [value.Type])
                ?? throw new NotSupportedException($"{typeof(TEntity).Name}: a {value.Type.Name} property is not written to a bulk file."), value);
    }
}
