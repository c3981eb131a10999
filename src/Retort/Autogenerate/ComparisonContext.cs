using Retort.Dialects;
using Retort.Ops;

namespace Retort.Autogenerate;

/// <summary>
/// What the parts of one <see cref="Comparison"/> share: the dialect and options they compare by, the warnings and
/// questions they collect, and the database's names of the tables the comparison renames.
/// </summary>
internal sealed class ComparisonContext(Dialect dialect, CompareOptions options, IReadOnlyDictionary<ExpressionQuestion, string>? echoes)
{
    public Dialect Dialect { get; } = dialect;

    public CompareOptions Options { get; } = options;

    public StringComparer Names { get; } = dialect.Echo.NameComparer;

    public TableNameComparer TableNames { get; } = new(dialect.Echo.NameComparer);

    /// <summary>Things a person should know: probable renames, changes no operation expresses.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The model's expressions the database is to say what it makes of (see <see cref="Comparison.Questions"/>).</summary>
    public HashSet<ExpressionQuestion> Questions { get; } = [];

    /// <summary>Warnings by the operation they concern (also in <see cref="Warnings"/>).</summary>
    public Dictionary<MigrationOperation, IReadOnlyList<string>> Notes { get; } = new(ReferenceEqualityComparer.Instance);

    // The database's name of a table that the comparison renames, by the new name: what questions to the database use.
    public Dictionary<TableName, TableName> LiveNames { get; } = [];

    public TableName LiveName(TableName table) => LiveNames.GetValueOrDefault(table, table);

    public void Note(MigrationOperation operation, string warning)
    {
        Warnings.Add(warning);
        Notes[operation] = Notes.TryGetValue(operation, out var earlier) ? [.. earlier, warning] : [warning];
    }

    /// <summary>
    /// Whether what the database made of the model's text is <paramref name="same"/> as the live one; until the
    /// database has answered, the question is kept for it and the two differ.
    /// </summary>
    public bool SameOnceEchoed(ExpressionQuestion question, Func<string, bool> same)
    {
        if (echoes?.TryGetValue(question, out var echoed) == true)
            return same(echoed);
        Questions.Add(question);
        return false;
    }

    public static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    public static string Columns(IEnumerable<string> columns) => "(" + string.Join(", ", columns) + ")";
}
