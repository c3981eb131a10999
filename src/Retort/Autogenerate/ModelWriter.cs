using System.Text;
using Retort.Dialects;

namespace Retort.Autogenerate;

/// <summary>One model class file: where it goes and its text.</summary>
internal sealed record ModelFile(string Path, string Text);

/// <summary>The model class files written for a schema, and what they cannot say about it (one sentence each).</summary>
internal sealed record WrittenModel(IReadOnlyList<ModelFile> Files, IReadOnlyList<string> Gaps);

/// <summary>
/// Writes a schema as model classes, one file per table and view, in the attributes the model reads
/// (<c>src/Retort/Model/README.md</c>), so that autogenerate finds nothing between the classes and the schema: every
/// name explicit, types as the model maps them (<c>TypeName</c> where no C# type does), keys, identity where the model's
/// convention would say otherwise, defaults, comments, indexes, unique and check constraints, and foreign keys as
/// navigation properties. What the model cannot hold is said in <see cref="WrittenModel.Gaps"/>.
/// </summary>
internal static partial class ModelWriter
{
    /// <summary>The namespace for classes in <paramref name="folder"/>: its name as a C# identifier (<c>Models</c>).</summary>
    public static string NamespaceOf(string folder)
    {
        var name = Identifier(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), "Models");
        return name.Length > 0 && char.IsLower(name[0]) ? char.ToUpperInvariant(name[0]) + name[1..] : name;
    }

    /// <summary>The files for <paramref name="schema"/>'s tables and views, in <paramref name="folder"/>.</summary>
    /// <param name="schema">The schema, as an inspector read it.</param>
    /// <param name="folder">Where the files go.</param>
    /// <param name="namespace">The classes' namespace.</param>
    /// <param name="dialect">The database the schema was read from (SQLite tells AUTOINCREMENT from its rowid).</param>
    public static WrittenModel Write(DatabaseSchema schema, string folder, string @namespace, Dialect dialect)
    {
        var gaps = new List<string>();
        var classNames = ClassNames(schema, @namespace);
        var names = new ModelNames(schema);
        var files = new List<ModelFile>();
        foreach (var table in schema.Tables)
        {
            var text = new ModelTableWriter(table, schema, classNames, names, dialect, gaps).Write(@namespace);
            files.Add(new ModelFile(Path.Combine(folder, classNames[table.Name] + ".cs"), text));
        }
        foreach (var view in schema.Views)
        {
            var className = classNames[view.Name];
            var arguments = new List<string> { CSharpWriter.Literal(view.Name.Name), CSharpWriter.Literal(view.Definition) };
            if (view.Name.Schema is not null)
                arguments.Add("Schema = " + CSharpWriter.Literal(view.Name.Schema));
            var text = Header($"view {view.Name}", @namespace, json: false) +
                $"[View({string.Join(", ", arguments)})]\npublic class {className}\n{{\n}}\n";
            files.Add(new ModelFile(Path.Combine(folder, className + ".cs"), text));
        }
        if (schema.Sequences.Count > 0)
        {
            var className = classNames[SequencesClass];
            var attributes = schema.Sequences.Select(dialect.Echo.Comparable).Select(SequenceAttribute);
            files.Add(new ModelFile(Path.Combine(folder, className + ".cs"), Header("the sequences", @namespace, json: false) +
                string.Concat(attributes.Select(a => a + "\n")) + $"public class {className}\n{{\n}}\n"));
        }
        return new WrittenModel(files, gaps);
    }

    // The key of the class that carries the sequences among the class names: no table or view has an empty name.
    private static readonly TableName SequencesClass = new("");

    private static string SequenceAttribute(Sequence sequence)
    {
        var arguments = new List<string> { CSharpWriter.Literal(sequence.Name.Name) };
        static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (sequence.Start != 1) arguments.Add("Start = " + Number(sequence.Start));
        if (sequence.Increment != 1) arguments.Add("Increment = " + Number(sequence.Increment));
        if (sequence.MinValue is { } min) arguments.Add("MinValue = " + Number(min));
        if (sequence.MaxValue is { } max) arguments.Add("MaxValue = " + Number(max));
        if (sequence.Cycle) arguments.Add("Cycle = true");
        if (sequence.Type?.Kind is SqlTypeKind.SmallInteger or SqlTypeKind.Integer)
            arguments.Add($"ClrType = typeof({(sequence.Type.Kind == SqlTypeKind.Integer ? "int" : "short")})");
        if (sequence.Name.Schema is not null) arguments.Add("Schema = " + CSharpWriter.Literal(sequence.Name.Schema));
        return $"[Sequence({string.Join(", ", arguments)})]";
    }

    internal static string Header(string what, string @namespace, bool json) =>
        $"// Written by retort baseline --from-live from {what}.\n#nullable enable\n" +
        "using System.ComponentModel.DataAnnotations;\nusing System.ComponentModel.DataAnnotations.Schema;\n" +
        (json ? "using System.Text.Json;\n" : "") + $"using Retort;\n\nnamespace {@namespace};\n\n";

    // Class names: the table's name in PascalCase and singular (customers → Customer), a view's as it is; a name the
    // files' own attributes or types use, or the namespace's, gets "Entity" after it; a second class of one name a number.
    private static Dictionary<TableName, string> ClassNames(DatabaseSchema schema, string @namespace)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { @namespace };
        var result = new Dictionary<TableName, string>();
        string Unique(string name)
        {
            if (Reserved.Contains(name) || name == @namespace)
                name += "Entity";
            var unique = name;
            for (var i = 2; !taken.Add(unique); i++)
                unique = name + i;
            return unique;
        }
        foreach (var table in schema.Tables)
            result[table.Name] = Unique(Pascal(Singular(table.Name.Name), "Table"));
        foreach (var view in schema.Views)
            result[view.Name] = Unique(Pascal(view.Name.Name, "View"));
        if (schema.Sequences.Count > 0)
            result[SequencesClass] = Unique("Sequences");
        return result;
    }

    // The names the files use unqualified, which a class of the same name in the files' namespace would hide.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "Table", "Column", "Key", "Required", "MaxLength", "Precision", "DatabaseGenerated", "DatabaseGeneratedOption", "ForeignKey",
        "Index", "Unique", "Check", "Comment", "ServerDefault", "Computed", "OnDelete", "OnUpdate", "View", "DateOnly", "TimeOnly", "DateTime",
        "DateTimeOffset", "Guid", "JsonDocument", "String", "Object", "System", "Retort", "Attribute", "Nullable", "Sequence",
    };

    /// <summary>A C# identifier in PascalCase from a database name: words split at anything but letters and digits.</summary>
    internal static string Pascal(string name, string fallback)
    {
        var text = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return Identifier(text.ToString(), fallback);
    }

    private static string Identifier(string name, string fallback)
    {
        var text = new string(name.Where(char.IsLetterOrDigit).ToArray());
        return text.Length == 0 ? fallback : char.IsDigit(text[0]) ? fallback + text : text;
    }

    // The last word of a table's name made singular, by the common English endings: categories → category,
    // addresses → address, statuses → status, orders → order; words ending in ss, us or is are left as they are.
    internal static string Singular(string name)
    {
        static bool Ends(string text, string end) => text.EndsWith(end, StringComparison.OrdinalIgnoreCase);
        if (name.Length > 4 && Ends(name, "ies"))
            return name[..^3] + (char.IsUpper(name[^1]) ? "Y" : "y");
        if (name.Length > 4 && (Ends(name, "sses") || Ends(name, "uses") || Ends(name, "xes") || Ends(name, "ches") || Ends(name, "shes") || Ends(name, "zzes")))
            return name[..^2];
        if (name.Length > 3 && Ends(name, "s") && !Ends(name, "ss") && !Ends(name, "us") && !Ends(name, "is"))
            return name[..^1];
        return name;
    }
}
