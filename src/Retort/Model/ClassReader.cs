using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;

namespace Retort.Model;

/// <summary>Reads one model class into a <see cref="ModelClass"/>: its table name, columns, key and navigations.</summary>
internal sealed partial class ClassReader(ModelOptions options, Func<Type, bool> isModelClass)
{
    private readonly NullabilityInfoContext _nullability = new();

    public ModelClass Read(Type type)
    {
        MemberAttributes inherited, own;
        try
        {
            (inherited, own) = (MemberAttributes.Of(type), MemberAttributes.Of(type, inherit: false));
        }
        catch (ArgumentException e)
        {
            throw new RetortException($"{type.Name}: an attribute refuses its arguments: {e.Message}");
        }
        var table = own.Get<TableAttribute>();
        var name = new TableName(table?.Name ?? SnakeCase.Apply(type.Name, options.Naming), table?.Schema);
        var columns = new List<ModelColumn>();
        var navigations = new Dictionary<string, ModelNavigation>(StringComparer.Ordinal);
        foreach (var (property, attributes) in Candidates(type))
        {
            if (attributes.Has<NotMappedAttribute>())
            {
                if (MappingAttribute(attributes) is { } stray)
                    throw Error(type, property, $"is [NotMapped] but has [{stray}]");
                continue;
            }
            if (ReadColumn(type, property, attributes) is { } column)
                columns.Add(column);
            else
                navigations.Add(property.Name, new ModelNavigation(property, attributes));
        }
        if (columns.Count == 0)
            throw new RetortException($"{type.Name}: no property maps to a column; give it one, or mark the class [NotMapped]");
        var twice = columns.GroupBy(c => c.Column.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new RetortException($"{type.Name}: properties {string.Join(" and ", twice.Select(c => c.Property.Name))} both map to column {twice.Key}");
        // [Column(Order = n)] columns come first, in that order; the others follow in declaration order (as EF Core does).
        var ordered = columns.OrderBy(c => c.Order >= 0 ? c.Order : int.MaxValue).ToList();
        return new ModelClass(type, name, inherited, own, ordered, Key(type, ordered), navigations);
    }

    /// <summary>
    /// Public instance properties with a getter and a setter (or a mapping attribute), base classes' first, each
    /// class's in declaration order; an override or a <c>new</c> property takes its base's place.
    /// </summary>
    private static IEnumerable<(PropertyInfo, MemberAttributes)> Candidates(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            chain.Insert(0, t);
        var properties = new List<PropertyInfo>();
        foreach (var declaring in chain)
        {
            foreach (var property in declaring.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
                .OrderBy(p => p.MetadataToken))
            {
                int earlier = properties.FindIndex(p => p.Name == property.Name);
                if (earlier >= 0)
                    properties[earlier] = property;
                else
                    properties.Add(property);
            }
        }
        return properties.Select(p => (Property: p, Attributes: Attributes(type, p)))
            .Where(p => p.Property.SetMethod is not null || MappingAttribute(p.Attributes) is not null);
    }

    private static IReadOnlyList<ModelColumn> Key(Type type, IReadOnlyList<ModelColumn> columns)
    {
        var key = columns.Where(c => c.Attributes.Has<KeyAttribute>()).ToList();
        if (key.Count <= 1)
            return key;
        var unordered = key.Where(c => c.Order < 0).Select(c => c.Property.Name).ToList();
        if (unordered.Count > 0)
            throw new RetortException($"{type.Name}: composite key ({string.Join(", ", key.Select(c => c.Property.Name))}) needs " +
                $"[Column(Order = n)] on each key property to order it; {string.Join(", ", unordered)} has none");
        var same = key.GroupBy(c => c.Order).FirstOrDefault(g => g.Count() > 1);
        if (same is not null)
            throw new RetortException($"{type.Name}: key properties {string.Join(" and ", same.Select(c => c.Property.Name))} " +
                $"have the same [Column(Order = {same.Key})]");
        return key.OrderBy(c => c.Order).ToList();
    }

    // An attribute whose constructor refuses its arguments ([Column("")]) fails when read.
    private static MemberAttributes Attributes(Type type, PropertyInfo property)
    {
        try
        {
            return MemberAttributes.Of(property);
        }
        catch (ArgumentException e)
        {
            throw Error(type, property, $"an attribute refuses its arguments: {e.Message}");
        }
    }

    /// <summary>The name of the first attribute that maps a property (so that it is not meant to be left out), or null.</summary>
    private static string? MappingAttribute(MemberAttributes attributes) =>
        MappingAttributes.FirstOrDefault(attributes.Has) is { } found ? ShortName(found) : null;

    private static readonly Type[] ColumnOnlyAttributes =
    [
        typeof(KeyAttribute), typeof(ColumnAttribute), typeof(DatabaseGeneratedAttribute), typeof(IndexAttribute),
        typeof(UniqueAttribute), typeof(ServerDefaultAttribute), typeof(CommentAttribute), typeof(PrecisionAttribute),
        typeof(RenamedFromAttribute), typeof(CheckAttribute), typeof(ComputedAttribute),
    ];

    private static readonly Type[] MappingAttributes =
        [.. ColumnOnlyAttributes, typeof(ForeignKeyAttribute), typeof(OnDeleteAttribute), typeof(OnUpdateAttribute)];

    private static string ShortName(Type attribute) => attribute.Name[..^"Attribute".Length];

    private static RetortException Error(Type type, PropertyInfo property, string message) =>
        new($"{type.Name}.{property.Name}: {message}");
}
