using System.Text;
using Retort.Dialects;

namespace Retort.Autogenerate;

/// <summary>
/// The index and constraint names model classes may give: a name the model would find twice (MariaDB keeps index and
/// check names per table, so two tables may both have an <c>email</c> index or a <c>CONSTRAINT_1</c>) is left to the
/// model's convention, which autogenerate matches by what the object does.
/// </summary>
internal sealed class ModelNames(DatabaseSchema schema)
{
    private readonly Dictionary<(string?, string), int> _counts = schema.Tables
        .SelectMany(t => t.Constraints.Select(c => c.Name).Concat(t.Indexes.Select(i => i.Name)).OfType<string>().Select(n => (t.Name.Schema, n)))
        .GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());

    /// <summary><paramref name="name"/>, when the class may give it; null to leave the name to the model.</summary>
    public string? Given(TableName table, string? name) =>
        name is not null && _counts.GetValueOrDefault((table.Schema, name)) == 1 ? name : null;
}

/// <summary>One table as a model class (see <see cref="ModelWriter"/>).</summary>
internal sealed partial class ModelTableWriter
{
    private readonly Table _table;
    private readonly DatabaseSchema _schema;
    private readonly IReadOnlyDictionary<TableName, string> _classNames;
    private readonly ModelNames _names;
    private readonly Dialect _dialect;
    private readonly List<string> _gaps;
    private readonly string _className;
    private readonly Dictionary<string, string> _properties = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _columnAttributes = [];
    private readonly List<string> _classAttributes = [];
    private readonly List<string> _navigations = [];
    private readonly HashSet<string> _foreignKeyColumns = [];

    public ModelTableWriter(Table table, DatabaseSchema schema, IReadOnlyDictionary<TableName, string> classNames, ModelNames names,
        Dialect dialect, List<string> gaps)
    {
        (_table, _schema, _classNames, _names, _dialect, _gaps) = (table, schema, classNames, names, dialect, gaps);
        _className = classNames[table.Name];
        _taken.Add(_className);
        foreach (var member in ObjectMembers)
            _taken.Add(member);
        foreach (var column in table.Columns)
        {
            _properties[column.Name] = Take(ModelWriter.Pascal(column.Name, "Column"), "Value");
            _columnAttributes[column.Name] = [];
        }
    }

    // A property may not be named as its class or hide what every object has.
    private static readonly string[] ObjectMembers = ["Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    /// <summary>The file's text.</summary>
    public string Write(string @namespace)
    {
        ForeignKeys();
        var shapes = _table.Columns.ToDictionary(c => c.Name, Shape);
        Columns(shapes);
        Indexes();
        Constraints();

        var text = new StringBuilder(ModelWriter.Header($"table {_table.Name}", @namespace, shapes.Values.Any(s => s.Clr == "JsonDocument")));
        var table = new List<string> { "Table(" + Literal(_table.Name.Name) + (_table.Name.Schema is null ? "" : ", Schema = " + Literal(_table.Name.Schema)) + ")" };
        if (_table.Comment is not null)
            table.Add($"Comment({Literal(_table.Comment)})");
        text.Append('[').AppendJoin(", ", table).Append("]\n");
        foreach (var attribute in _classAttributes)
            text.Append('[').Append(attribute).Append("]\n");
        text.Append("public class ").Append(_className).Append("\n{\n");
        foreach (var column in _table.Columns)
        {
            var shape = shapes[column.Name];
            var nullable = column.Nullable && !column.PrimaryKey && !_table.PrimaryKeyColumns.Contains(column.Name);
            var initializer = nullable || shape.ValueType ? "" : shape.Clr switch { "string" => " = \"\";", "byte[]" => " = [];", _ => " = null!;" };
            Member(text, _columnAttributes[column.Name], $"public {shape.Clr}{(nullable ? "?" : "")} {_properties[column.Name]} {{ get; set; }}{initializer}");
        }
        foreach (var navigation in _navigations)
            text.Append(navigation);
        return text.Append("}\n").ToString();
    }

    private static void Member(StringBuilder text, List<string> attributes, string declaration)
    {
        var line = attributes.Count == 0 ? "    " + declaration : $"    [{string.Join(", ", attributes)}] {declaration}";
        text.Append(line.Length <= 120 ? line : $"    [{string.Join(", ", attributes)}]\n    {declaration}").Append('\n');
    }

    private string Take(string name, string suffix)
    {
        if (_taken.Contains(name))
            name += suffix;
        var unique = name;
        for (var i = 2; !_taken.Add(unique); i++)
            unique = name + i;
        return unique;
    }

    // Foreign keys as navigation properties, [ForeignKey] naming the key properties in the referenced key's order: the
    // model's keys refer to the primary key of a table of the model.
    private void ForeignKeys()
    {
        foreach (var key in _table.Constraints.OfType<ForeignKey>())
        {
            var what = $"foreign key {key.Name ?? "(" + string.Join(", ", key.Columns) + ")"} of {_table.Name}";
            var target = _schema.Table(key.ReferencedTable);
            if (target is null)
            {
                _gaps.Add($"{what} refers to {key.ReferencedTable}, which is not among the tables read; the model cannot hold it");
                continue;
            }
            var targetKey = target.PrimaryKeyColumns;
            if (targetKey.Count != key.Columns.Count || !targetKey.All(key.ReferencedColumns.Contains))
            {
                _gaps.Add($"{what} refers to ({string.Join(", ", key.ReferencedColumns)}) of {target.Name}, not to its primary key; the model's foreign keys refer to primary keys");
                continue;
            }
            if (key.Deferrable)
                _gaps.Add($"{what} is DEFERRABLE{(key.InitiallyDeferred ? " INITIALLY DEFERRED" : "")}, which the model cannot say");
            var columns = targetKey.Select(k => key.Columns[IndexOf(key.ReferencedColumns, k)]).ToList();
            _foreignKeyColumns.UnionWith(columns);
            var single = columns.Count == 1 ? WithoutIdSuffix(columns[0]) : null;
            var name = Take(single is { Length: > 0 } ? ModelWriter.Pascal(single, "Reference") : ModelWriter.Pascal(ModelWriter.Singular(target.Name.Name), "Reference"), "Navigation");
            var attributes = new List<string>
            {
                columns.Count == 1 ? $"ForeignKey(nameof({_properties[columns[0]]}))" : $"ForeignKey({Literal(string.Join(", ", columns.Select(c => _properties[c])))})",
            };
            if (key.OnDelete is not null)
                attributes.Add($"OnDelete({Literal(key.OnDelete)})");
            if (key.OnUpdate is not null)
                attributes.Add($"OnUpdate({Literal(key.OnUpdate)})");
            var text = new StringBuilder();
            Member(text, attributes, $"public {_classNames[target.Name]}? {name} {{ get; set; }}");
            _navigations.Add(text.ToString());
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == item)
                return i;
        return -1;
    }

    // customer_id → customer, CustomerId → Customer; a name that is all suffix gives nothing.
    private static string? WithoutIdSuffix(string column) =>
        column.EndsWith("_id", StringComparison.OrdinalIgnoreCase) ? column[..^3]
        : column.Length > 2 && column.EndsWith("Id", StringComparison.Ordinal) && char.IsLower(column[^3]) ? column[..^2]
        : null;

    private void Indexes()
    {
        foreach (var index in _table.Indexes)
        {
            var unknown = index.Columns.FirstOrDefault(c => !TableIndex.IsExpression(c) && !_properties.ContainsKey(c));
            if (unknown is not null)
            {
                _gaps.Add($"index {index.Name} of {_table.Name} is over '{unknown}', which is neither a column nor an expression in parentheses; the model cannot hold it");
                continue;
            }
            var name = _names.Given(_table.Name, index.Name);
            if (name is null && index.Columns.Any(TableIndex.IsExpression))
            {
                _gaps.Add($"index {index.Name} of {_table.Name} is over an expression, which needs a name, and its name is used twice in the schema; the model cannot hold it");
                continue;
            }
            var named = new List<string>();
            if (name is not null) named.Add("Name = " + Literal(name));
            if (index.Unique) named.Add("Unique = true");
            if (index.Where is not null) named.Add("Filter = " + Literal(index.Where));
            if (index.Descending.Count > 0) named.Add($"Descending = [{string.Join(", ", index.Descending.Select(d => d ? "true" : "false"))}]");
            if (index.Columns is [var column] && !TableIndex.IsExpression(column))
                _columnAttributes[column].Add(Attribute("Index", [], named));
            else
                _classAttributes.Add(Attribute("Index", index.Columns.Select(c => TableIndex.IsExpression(c) ? Literal(c) : $"nameof({_properties[c]})"), named));
        }
    }

    private void Constraints()
    {
        foreach (var unique in _table.Constraints.OfType<UniqueConstraint>())
        {
            var named = _names.Given(_table.Name, unique.Name) is { } name ? new[] { "Name = " + Literal(name) } : [];
            if (unique.Columns is [var column])
                _columnAttributes[column].Add(Attribute("Unique", [], named));
            else
                _classAttributes.Add(Attribute("Unique", unique.Columns.Select(c => $"nameof({_properties[c]})"), named));
        }
        foreach (var check in _table.Constraints.OfType<CheckConstraint>())
        {
            var named = _names.Given(_table.Name, check.Name) is { } name ? new[] { "Name = " + Literal(name) } : [];
            var attribute = Attribute("Check", [Literal(check.Condition)], named);
            if (check.Column is not null && _columnAttributes.TryGetValue(check.Column, out var on))
                on.Add(attribute);
            else
                _classAttributes.Add(attribute);
        }
    }

    private static string Attribute(string name, IEnumerable<string> positional, IEnumerable<string> named)
    {
        var arguments = positional.Concat(named).ToList();
        return arguments.Count == 0 ? name : $"{name}({string.Join(", ", arguments)})";
    }

    private static string Literal(string value) => CSharpWriter.Literal(value);
}
