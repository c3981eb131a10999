using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;

namespace Retort.Model;

/// <summary>One model class read as a table: its columns in table order, its key and its navigation properties.</summary>
/// <param name="Type">The class.</param>
/// <param name="Name">Its table's name.</param>
/// <param name="Attributes">The class's attributes, its base classes' included (indexes, uniques and checks are shared).</param>
/// <param name="Own">The class's own attributes ([Table], [Comment] and [RenamedFrom] belong to one table).</param>
/// <param name="Columns">Its columns, in table order.</param>
/// <param name="Key">Its key columns, in key order.</param>
/// <param name="Navigations">Its navigation properties by name.</param>
internal sealed record ModelClass(Type Type, TableName Name, MemberAttributes Attributes, MemberAttributes Own,
    IReadOnlyList<ModelColumn> Columns, IReadOnlyList<ModelColumn> Key, IReadOnlyDictionary<string, ModelNavigation> Navigations)
{
    /// <summary>The column of the C# property <paramref name="propertyName"/>, or null.</summary>
    public ModelColumn? Column(string propertyName) => Columns.FirstOrDefault(c => c.Property.Name == propertyName);

    /// <summary>
    /// The columns of the C# properties <paramref name="propertyNames"/>, as named by <paramref name="attribute"/> on the
    /// class; fails on a name that is not a mapped property.
    /// </summary>
    public IReadOnlyList<string> ColumnsOf(IReadOnlyList<string> propertyNames, string attribute, bool expressions = false)
    {
        if (propertyNames.Count == 0)
            throw Error($"[{attribute}] on a class names the properties it covers: [{attribute}(nameof(A), nameof(B))]");
        return propertyNames.Select(name => expressions && TableIndex.IsExpression(name) ? name : Column(name)?.Column.Name
            ?? throw Error(Navigations.ContainsKey(name)
                ? $"[{attribute}] names {name}, a navigation property; name the key property instead"
                : $"[{attribute}] names {name}, which is not a mapped property of {Type.Name}")).ToList();
    }

    public RetortException Error(string message) => new($"{Type.Name}: {message}");

    public RetortException Error(PropertyInfo property, string message) => new($"{Type.Name}.{property.Name}: {message}");
}

/// <summary>A property mapped to a column.</summary>
/// <param name="Property">The property.</param>
/// <param name="Attributes">Its attributes.</param>
/// <param name="Column">Its column (identity by EF Core's convention is decided later, once foreign keys are known).</param>
/// <param name="Order">Its <c>[Column(Order = n)]</c>, or -1.</param>
/// <param name="Generated">Its <c>[DatabaseGenerated]</c> option, or null without one.</param>
internal sealed record ModelColumn(PropertyInfo Property, MemberAttributes Attributes, Column Column, int Order, DatabaseGeneratedOption? Generated);

/// <summary>A navigation property: a reference to another model class, or a collection of them.</summary>
internal sealed record ModelNavigation(PropertyInfo Property, MemberAttributes Attributes);
