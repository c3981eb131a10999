using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;
using Retort.Schema;

namespace Retort.Model;

/// <summary>A foreign key read from <c>[ForeignKey]</c>: this class's columns, the referenced class, and the actions.</summary>
internal sealed record ModelForeignKey(IReadOnlyList<ModelColumn> Columns, ModelClass Target, string? OnDelete, string? OnUpdate, bool Required);

/// <summary>
/// Reads EF-style foreign keys: <c>[ForeignKey(nameof(Navigation))]</c> on the key property, or
/// <c>[ForeignKey(nameof(KeyProperty))]</c> (<c>"A, B"</c> for a composite key) on the reference navigation; the
/// target is the navigation's class and its key.
/// </summary>
internal static class ForeignKeyReader
{
    private sealed record Declared(PropertyInfo On, MemberAttributes Attributes, IReadOnlyList<ModelColumn> Columns, ModelNavigation Navigation);

    public static IReadOnlyList<ModelForeignKey> Read(ModelClass model, IReadOnlyDictionary<Type, ModelClass> tables)
    {
        var declared = new List<Declared>();
        foreach (var column in model.Columns)
        {
            if (column.Attributes.Get<ForeignKeyAttribute>() is { } attribute)
                declared.Add(new Declared(column.Property, column.Attributes, [column], Navigation(model, column.Property, attribute.Name)));
        }
        foreach (var navigation in model.Navigations.Values)
        {
            if (navigation.Attributes.Get<ForeignKeyAttribute>() is { } attribute)
                declared.Add(new Declared(navigation.Property, navigation.Attributes, KeyColumns(model, navigation.Property, attribute.Name), navigation));
        }
        var stray = model.Columns.Select(c => (c.Property, c.Attributes)).Concat(model.Navigations.Values.Select(n => (n.Property, n.Attributes)))
            .FirstOrDefault(p => !p.Attributes.Has<ForeignKeyAttribute>() && (p.Attributes.Has<OnDeleteAttribute>() || p.Attributes.Has<OnUpdateAttribute>()));
        if (stray.Property is not null)
            throw model.Error(stray.Property, "[OnDelete] and [OnUpdate] go next to the [ForeignKey] they qualify, on the same property");
        return declared.GroupBy(d => d.Navigation).Select(group => ForeignKey(model, group.ToList(), tables)).ToList();
    }

    private static ModelNavigation Navigation(ModelClass model, PropertyInfo on, string name) =>
        model.Navigations.GetValueOrDefault(name)
        ?? throw model.Error(on, model.Column(name) is null
            ? $"[ForeignKey(\"{name}\")] names no navigation property of {model.Type.Name}"
            : $"[ForeignKey(\"{name}\")] names a column; on a key property it names the navigation property");

    private static IReadOnlyList<ModelColumn> KeyColumns(ModelClass model, PropertyInfo navigation, string names) =>
        names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => model.Column(name) ?? throw model.Error(navigation,
                $"[ForeignKey(\"{names}\")] names {name}, which is not a mapped property of {model.Type.Name}"))
            .ToList();

    private static ModelForeignKey ForeignKey(ModelClass model, IReadOnlyList<Declared> declared, IReadOnlyDictionary<Type, ModelClass> tables)
    {
        var navigation = declared[0].Navigation.Property;
        var onKeys = declared.Where(d => d.On != navigation).ToList();
        if (onKeys.Count > 1)
            throw model.Error($"{string.Join(" and ", onKeys.Select(d => d.On.Name))} all name navigation {navigation.Name} in [ForeignKey]; for a " +
                $"composite key put [ForeignKey(\"{string.Join(", ", onKeys.Select(d => d.On.Name))}\")] on {navigation.Name}, in the referenced key's order");
        var columns = declared[0].Columns;
        if (declared.Any(d => !d.Columns.SequenceEqual(columns)))
            throw model.Error(navigation, "the [ForeignKey] on this navigation and on its key property name different columns");
        var target = tables.GetValueOrDefault(navigation.PropertyType)
            ?? throw model.Error(navigation, $"[ForeignKey] needs a reference to a table class, and {ClrTypes.Display(navigation.PropertyType)} " +
                "is not one (a collection, abstract, [NotMapped], or not among the model's types)");
        if (target.Key.Count == 0)
            throw model.Error(navigation, $"the foreign key refers to {target.Type.Name}, which has no [Key]");
        if (target.Key.Count != columns.Count)
            throw model.Error(navigation, $"the foreign key has {columns.Count} column(s) ({string.Join(", ", columns.Select(c => c.Property.Name))}) " +
                $"but {target.Type.Name}'s key has {target.Key.Count} ({string.Join(", ", target.Key.Select(c => c.Property.Name))})");
        return new ModelForeignKey(columns, target,
            Action<OnDeleteAttribute>(model, declared, a => a.Action), Action<OnUpdateAttribute>(model, declared, a => a.Action),
            declared[0].Navigation.Attributes.Has<RequiredAttribute>());
    }

    private static string? Action<T>(ModelClass model, IReadOnlyList<Declared> declared, Func<T, string> action) where T : Attribute
    {
        var given = declared.Select(d => (d.On, Attribute: d.Attributes.Get<T>())).Where(a => a.Attribute is not null).ToList();
        string? result = null;
        foreach (var (on, attribute) in given)
        {
            string? checkedAction;
            try
            {
                checkedAction = ReferentialAction.Check(action(attribute!));
            }
            catch (ArgumentException e)
            {
                throw model.Error(on, e.Message);
            }
            if (result is not null && result != checkedAction)
                throw model.Error(on, $"[{typeof(T).Name[..^"Attribute".Length]}] differs between the navigation and its key property");
            result = checkedAction;
        }
        return result;
    }
}
