using Retort.Dialects;
using Retort.Ops;

namespace Retort.Autogenerate;

/// <summary>
/// One comparison of a wanted schema with a live one. Operations are collected by phase and put together in
/// an order that runs:
/// table renames; view drops; foreign-key drops (with the index MySQL made for a key); drops of removed tables
/// (referencing tables first, their indexes with them); creates of added tables (referenced tables first, each
/// followed by its indexes); changes inside kept tables; foreign-key adds; view creates and replaces. Inside a
/// table, as Alembic orders them: column
/// renames, index and constraint drops, column adds, column changes, column drops, constraint and index adds,
/// the table's comment.
/// </summary>
internal sealed partial class Comparison
{
    private readonly Dialect _dialect;
    private readonly CompareOptions _options;
    private readonly StringComparer _names;
    private readonly TableNameComparer _tableNames;

    private readonly List<MigrationOperation> _tableRenames = [];
    private readonly List<MigrationOperation> _viewDrops = [];
    private readonly List<MigrationOperation> _foreignKeyDrops = [];
    private readonly List<MigrationOperation> _tableDrops = [];
    private readonly List<MigrationOperation> _tableCreates = [];
    private readonly List<MigrationOperation> _tableChanges = [];
    private readonly List<MigrationOperation> _foreignKeyAdds = [];
    private readonly List<MigrationOperation> _viewCreates = [];

    private readonly IReadOnlyDictionary<ExpressionQuestion, string>? _echoes;

    // The database's name of a table that the comparison renames, by the new name: what questions to the database use.
    private readonly Dictionary<TableName, TableName> _liveNames = [];

    private TableName LiveName(TableName table) => _liveNames.GetValueOrDefault(table, table);

    public Comparison(Dialect dialect, CompareOptions options, IReadOnlyDictionary<ExpressionQuestion, string>? echoes = null)
    {
        _dialect = dialect;
        _options = options;
        _echoes = echoes;
        _names = dialect.NameComparer;
        _tableNames = new TableNameComparer(_names);
    }

    /// <summary>Things a person should know: probable renames, changes no operation expresses.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>
    /// The model's expressions that did not compare equal to the database's by their normal form: the database can
    /// say what it makes of them (<see cref="Dialect.EchoAsync"/>), and a second comparison with its answers decides.
    /// </summary>
    public HashSet<ExpressionQuestion> Questions { get; } = [];

    /// <summary>Warnings by the operation they concern (also in <see cref="Warnings"/>).</summary>
    public Dictionary<MigrationOperation, IReadOnlyList<string>> Notes { get; } = new(ReferenceEqualityComparer.Instance);

    private void Note(MigrationOperation operation, string warning)
    {
        Warnings.Add(warning);
        Notes[operation] = Notes.TryGetValue(operation, out var earlier) ? [.. earlier, warning] : [warning];
    }

    /// <summary>
    /// What the database does by itself along with an upgrade operation, which the downgrade must undo after the
    /// operation's reverse: the index MySQL makes for a foreign key that no index serves.
    /// </summary>
    public Dictionary<MigrationOperation, MigrationOperation> AlsoUndone { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The live tables compared with wanted ones, by the wanted name (after table renames).</summary>
    public Dictionary<TableName, Table> KeptTables { get; } = [];

    /// <summary>The wanted tables that <see cref="KeptTables"/> are compared with, by name.</summary>
    public Dictionary<TableName, Table> KeptWanted { get; } = [];

    public List<MigrationOperation> Run(DatabaseSchema wanted, DatabaseSchema live)
    {
        var wantedTables = Included(wanted.Tables, isLive: false);
        var liveTables = Included(live.Tables, isLive: true);
        CompareTables(wantedTables, liveTables);
        CompareViews(Included(wanted.Views, isLive: false), Included(live.Views, isLive: true));
        return [.. _tableRenames, .. _viewDrops, .. _foreignKeyDrops, .. _tableDrops, .. _tableCreates, .. _tableChanges,
            .. _foreignKeyAdds, .. _viewCreates];
    }

    private bool Include(SchemaObjectKind kind, TableName table, string? name, bool isLive) =>
        _options.Include?.Invoke(new SchemaObject(kind, table, name, isLive)) ?? true;

    private bool IsVersionTable(TableName name) =>
        _names.Equals(name.Name, _options.VersionTable.Name) && (name.Schema is null || _options.VersionTable.Schema is null || name.Schema == _options.VersionTable.Schema);

    // The tables Include lets through, each with only the parts it lets through; the version table never.
    private List<Table> Included(IReadOnlyList<Table> tables, bool isLive)
    {
        var result = new List<Table>(tables.Count);
        foreach (var table in tables)
        {
            if (IsVersionTable(table.Name) || !Include(SchemaObjectKind.Table, table.Name, table.Name.Name, isLive))
                continue;
            if (_options.Include is null)
            {
                result.Add(table);
                continue;
            }
            result.Add(table with
            {
                Columns = table.Columns.Where(c => Include(SchemaObjectKind.Column, table.Name, c.Name, isLive)).ToList(),
                Constraints = table.Constraints.Where(c => c is PrimaryKey || Include(KindOf(c), table.Name, c.Name, isLive)).ToList(),
                Indexes = table.Indexes.Where(i => Include(SchemaObjectKind.Index, table.Name, i.Name, isLive)).ToList(),
            });
        }
        return result;
    }

    private List<View> Included(IReadOnlyList<View> views, bool isLive) =>
        views.Where(v => !IsVersionTable(v.Name) && Include(SchemaObjectKind.View, v.Name, v.Name.Name, isLive)).ToList();

    private static SchemaObjectKind KindOf(Constraint constraint) => constraint switch
    {
        UniqueConstraint => SchemaObjectKind.Unique,
        ForeignKey => SchemaObjectKind.ForeignKey,
        _ => SchemaObjectKind.Check,
    };

    private void CompareViews(List<View> wanted, List<View> live)
    {
        var liveByName = live.ToDictionary(v => v.Name, _tableNames);
        var wantedNames = wanted.Select(v => v.Name).ToHashSet(_tableNames);
        foreach (var view in live.Where(v => !wantedNames.Contains(v.Name)))
            _viewDrops.Add(new DropObjectOperation(ObjectKind.View, view.Name, view.Definition));
        foreach (var view in wanted)
        {
            if (!liveByName.TryGetValue(view.Name, out var existing))
                _viewCreates.Add(new CreateObjectOperation(ObjectKind.View, view.Name, view.Definition));
            else if (!SameView(view, existing))
                _viewCreates.Add(new ReplaceObjectOperation(ObjectKind.View, view.Name, view.Definition, Previous: existing.Definition));
        }
    }

    private bool SameView(View wanted, View live)
    {
        if (_dialect.SameViewDefinition(wanted.Definition, live.Definition))
            return true;
        var question = new ExpressionQuestion(wanted.Name, ExpressionKind.View, wanted.Definition);
        if (_echoes?.TryGetValue(question, out var echoed) == true)
            return _dialect.SameViewDefinition(echoed, live.Definition);
        Questions.Add(question);
        return false;
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string Columns(IEnumerable<string> columns) => "(" + string.Join(", ", columns) + ")";
}
