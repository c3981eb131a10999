using System.Text.RegularExpressions;
using Retort.Dialects;
using Retort.Model;

namespace Retort.Tests.Fidelity;

/// <summary>
/// The fidelity corpus: schemas written as plain DDL per database, the way a DBA, SQLAlchemy and EF Core write them
/// (Corpus/NAME/{sqlite,postgres,mariadb}.sql), and the C# model of each (Corpus/NAME/Model.cs).
/// </summary>
internal static partial class FidelityCorpus
{
    public static readonly string[] Names = ["shop", "clinic", "blog"];

    private static string Folder(string schema) => Path.Combine(AppContext.BaseDirectory, "Fidelity", "Corpus", schema);

    /// <summary>The DDL file's name for a dialect.</summary>
    public static string FileOf(Dialect dialect) => dialect.Name switch
    {
        "postgresql" => "postgres",
        "mysql" or "mariadb" => "mariadb",
        var name => name,
    };

    public static string Ddl(string schema, Dialect dialect) => File.ReadAllText(Path.Combine(Folder(schema), FileOf(dialect) + ".sql"));

    /// <summary>
    /// The schema's model classes read as autogenerate reads them, with the views its Model.cs names in a
    /// <c>// view NAME: SQL</c> line. For MariaDB, as a model written for it would say: no expression indexes (it has
    /// none), RESTRICT for SET DEFAULT (InnoDB has none), and names in SQL text quoted with backquotes (double quotes
    /// make a string there).
    /// </summary>
    public static DatabaseSchema Model(string schema, Dialect dialect)
    {
        var space = "Retort.Tests.Fidelity.Corpus." + char.ToUpperInvariant(schema[0]) + schema[1..];
        var types = typeof(FidelityCorpus).Assembly.GetTypes().Where(t => t.Namespace == space).OrderBy(t => t.MetadataToken).ToList();
        var model = SchemaModel.FromTypes(types, new ModelOptions());
        var views = ViewLine().Matches(File.ReadAllText(Path.Combine(Folder(schema), "Model.cs")))
            .Select(m => new View(new TableName(m.Groups[1].Value), m.Groups[2].Value.Trim())).ToList();
        return ForDialect(new DatabaseSchema(model.Tables, [.. model.Views, .. views]), dialect);
    }

    /// <summary>The schema as a model written for the dialect says it (see <see cref="Model"/>); the same schema elsewhere.</summary>
    public static DatabaseSchema ForDialect(DatabaseSchema schema, Dialect dialect) =>
        FileOf(dialect) != "mariadb" ? schema : schema with { Tables = schema.Tables.Select(ForMariaDb).ToList() };

    private static Table ForMariaDb(Table table) => table with
    {
        Indexes = table.Indexes.Where(i => !i.Columns.Any(TableIndex.IsExpression)).ToList(),
        Constraints = table.Constraints.Select(c => c switch
        {
            CheckConstraint check => check with { Condition = Backquoted(check.Condition) },
            ForeignKey { OnDelete: "SET DEFAULT" } key => key with { OnDelete = "RESTRICT" },
            _ => c,
        }).ToList(),
    };

    /// <summary>SQL text with its double-quoted names quoted MariaDB's way.</summary>
    public static string Backquoted(string sql) => DoubleQuoted().Replace(sql, "`$1`");

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex DoubleQuoted();

    [GeneratedRegex(@"^// view (\S+): (.+)$", RegexOptions.Multiline)]
    private static partial Regex ViewLine();
}
