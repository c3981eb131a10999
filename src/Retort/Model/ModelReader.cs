using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Retort.Model;

/// <summary>Reads model classes and declares their tables to a <see cref="SchemaBuilder"/>, which names and checks the rest.</summary>
internal static class ModelReader
{
    public static DatabaseSchema Read(IReadOnlyList<Type> types, ModelOptions options)
    {
        var given = types.ToHashSet();
        var reader = new ClassReader(options, given.Contains);
        var classes = types.Where(IsTable).Select(reader.Read).ToList();
        var twice = classes.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new RetortException($"table {twice.Key}: {string.Join(" and ", twice.Select(c => c.Type.FullName))} both map to it; " +
                "name one of them with [Table(\"...\")]");
        var byType = classes.ToDictionary(c => c.Type);
        var builder = new SchemaBuilder();
        foreach (var model in classes)
        {
            var foreignKeys = ForeignKeyReader.Read(model, byType);
            builder.Table(model.Name.Name, table => Declare(table, model, foreignKeys), model.Name.Schema);
        }
        foreach (var type in types.Where(t => IsModelClass(t) && Attribute.IsDefined(t, typeof(ViewAttribute), inherit: false)))
        {
            var view = type.GetCustomAttribute<ViewAttribute>(inherit: false)!;
            builder.View(view.Name, view.Definition, view.Schema);
        }
        foreach (var sequence in types.Where(IsModelClass).SelectMany(t => t.GetCustomAttributes<SequenceAttribute>(inherit: false)))
            builder.Sequence(sequence.Name, sequence.Start, sequence.Increment, sequence.Min, sequence.Max, sequence.Cycle,
                sequence.ClrType is null ? null : ClrTypes.For(sequence.ClrType), sequence.Schema);
        return builder.Build();
    }

    private static IReadOnlyList<bool>? Descending(IndexAttribute index) => index.Descending.Length == 0 ? null : index.Descending;

    // A class that only holds [Sequence]s (no properties) declares no table.
    private static bool IsTable(Type type) => IsModelClass(type) && !Attribute.IsDefined(type, typeof(ViewAttribute), inherit: false)
        && !(Attribute.IsDefined(type, typeof(SequenceAttribute), inherit: false) && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Length == 0);

    private static bool IsModelClass(Type type) =>
        type.IsClass && type.IsVisible && !type.IsAbstract && !type.IsGenericTypeDefinition
        && !Attribute.IsDefined(type, typeof(NotMappedAttribute), inherit: false)
        && !Attribute.IsDefined(type, typeof(CompilerGeneratedAttribute), inherit: false)
        && !Attribute.IsDefined(type, typeof(NotAModelClassAttribute), inherit: true)
        && !typeof(Attribute).IsAssignableFrom(type) && !typeof(Delegate).IsAssignableFrom(type);

    private static void Declare(TableBuilder table, ModelClass model, IReadOnlyList<ModelForeignKey> foreignKeys)
    {
        var foreignKeyColumns = foreignKeys.SelectMany(f => f.Columns).ToHashSet();
        var requiredColumns = foreignKeys.Where(f => f.Required).SelectMany(f => f.Columns).ToHashSet();
        var instance = new Lazy<object?>(() => NewInstance(model.Type));
        foreach (var column in model.Columns)
        {
            var conventional = !column.Column.Identity && IsConventionalIdentity(model, column, foreignKeyColumns);
            var declared = column.Column with
            {
                Identity = column.Column.Identity || conventional,
                // The model's convention decided, and nothing is left for the table's to decide.
                IdentityUnstated = conventional,
                Nullable = column.Column.Nullable && !requiredColumns.Contains(column),
            };
            if (declared is { Nullable: false, ServerDefault: null, Identity: false })
                declared = declared with { SuggestedDefault = () => SuggestedDefault(column, instance) };
            table.Column(declared);
        }
        if (model.Key.Count > 0)
            table.PrimaryKey(model.Key.Select(c => c.Column.Name).ToList());

        foreach (var column in model.Columns)
        {
            foreach (var unique in column.Attributes.All<UniqueAttribute>())
                table.Unique(OwnColumn(model, column, unique.Properties, "Unique"), unique.Name);
        }
        foreach (var unique in model.Attributes.All<UniqueAttribute>())
            table.Unique(model.ColumnsOf(unique.Properties, "Unique"), unique.Name);
        foreach (var foreignKey in foreignKeys)
        {
            table.ForeignKey(foreignKey.Columns.Select(c => c.Column.Name).ToList(), foreignKey.Target.Name.Name,
                foreignKey.Target.Key.Select(c => c.Column.Name).ToList(), foreignKey.OnDelete, foreignKey.OnUpdate,
                referencedSchema: foreignKey.Target.Name.Schema);
        }
        foreach (var check in model.Attributes.All<CheckAttribute>())
            table.Check(check.Condition, check.Name);
        foreach (var column in model.Columns)
        {
            foreach (var check in column.Attributes.All<CheckAttribute>())
                table.Check(check.Condition, check.Name);
        }

        foreach (var column in model.Columns)
        {
            foreach (var index in column.Attributes.All<IndexAttribute>())
                table.Index([OwnColumn(model, column, index.Properties, "Index")], index.Unique, index.Name, index.Filter, Descending(index));
        }
        foreach (var index in model.Attributes.All<IndexAttribute>())
            table.Index(model.ColumnsOf(index.Properties, "Index", expressions: true), index.Unique, index.Name, index.Filter, Descending(index));

        if (model.Own.Get<CommentAttribute>() is { } comment)
            table.Comment(comment.Text);
        if (model.Own.Get<RenamedFromAttribute>() is { } renamed)
            table.RenamedFrom([.. renamed.Names]);
    }

    // What the class says a new row holds when nothing is given: [DefaultValue], else the property's initializer
    // (read from a new instance; a value type's plain default says nothing), as SQL.
    private static string? SuggestedDefault(ModelColumn column, Lazy<object?> instance)
    {
        object? value;
        if (column.Property.GetCustomAttribute<System.ComponentModel.DefaultValueAttribute>() is { } given)
            value = given.Value;
        else
        {
            if (instance.Value is null)
                return null;
            try
            {
                value = column.Property.GetValue(instance.Value);
            }
            catch (TargetInvocationException)
            {
                return null;
            }
            if (value is not null && value.GetType().IsValueType && value.Equals(Activator.CreateInstance(value.GetType())))
                return null;
        }
        return value switch
        {
            string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
            bool b => b ? "true" : "false",
            Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
            sbyte or byte or short or ushort or int or uint or long or ulong or decimal or double or float =>
                Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static object? NewInstance(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
            return null;
        try
        {
            return Activator.CreateInstance(type);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    // EF Core's convention: a single integer key is numbered by the database, unless it is told otherwise, has a
    // default, or takes its values from another table.
    private static bool IsConventionalIdentity(ModelClass model, ModelColumn column, IReadOnlySet<ModelColumn> foreignKeyColumns) =>
        model.Key is [var key] && key == column && column.Generated is null && ClrTypes.IsPlainInteger(column.Property.PropertyType)
        && column.Column.Type.Kind is SqlTypeKind.SmallInteger or SqlTypeKind.Integer or SqlTypeKind.BigInteger
        && column.Column.ServerDefault is null && column.Column.Computed is null && !foreignKeyColumns.Contains(column);

    private static string OwnColumn(ModelClass model, ModelColumn column, IReadOnlyList<string> properties, string attribute) =>
        properties.Count == 0 ? column.Column.Name
            : throw model.Error(column.Property, $"[{attribute}] on a property covers that property; name several properties " +
                $"in an [{attribute}(...)] on the class");
}
