using System.Text.RegularExpressions;
using Retort.Dialects;
using Retort.Ops;

namespace Retort.Autogenerate;

/// <summary>
/// One comparison of a wanted schema with a live one. Operations are collected by phase and put together in
/// an order that runs:
/// table renames; view drops; foreign-key drops (with the index MySQL made for a key); drops of removed tables
/// (referencing tables first, their indexes with them); creates of added tables (referenced tables first, each
/// followed by its indexes); changes inside kept tables; foreign-key adds; view creates and replaces. Sequences are
/// created and changed first (a table's default may draw from one) and dropped last (after what drew from them). Inside a
/// table, as Alembic orders them: column
/// renames, index and constraint drops, column adds, column changes, column drops, constraint and index adds,
/// the table's comment.
/// </summary>
internal sealed class Comparison
{
    private readonly ComparisonContext _context;
    private readonly CompareOptions _options;
    private readonly ConstraintComparison _constraints;
    private readonly TableComparison _tables;

    private readonly List<MigrationOperation> _viewDrops = [];
    private readonly List<MigrationOperation> _viewCreates = [];
    private readonly List<MigrationOperation> _sequenceCreates = [];
    private readonly List<MigrationOperation> _sequenceDrops = [];

    public Comparison(Dialect dialect, CompareOptions options, IReadOnlyDictionary<ExpressionQuestion, string>? echoes = null)
    {
        _context = new ComparisonContext(dialect, options, echoes);
        _options = options;
        _constraints = new ConstraintComparison(_context, new ObjectMatching(_context));
        _tables = new TableComparison(_context, new ColumnComparison(_context), _constraints);
    }

    /// <summary>Things a person should know: probable renames, changes no operation expresses.</summary>
    public List<string> Warnings => _context.Warnings;

    /// <summary>
    /// The model's expressions that did not compare equal to the database's by their normal form: the database can
    /// say what it makes of them (<see cref="SchemaEcho.EchoAsync"/>), and a second comparison with its answers decides.
    /// </summary>
    public HashSet<ExpressionQuestion> Questions => _context.Questions;

    /// <summary>Warnings by the operation they concern (also in <see cref="Warnings"/>).</summary>
    public Dictionary<MigrationOperation, IReadOnlyList<string>> Notes => _context.Notes;

    /// <summary>
    /// What the database does by itself along with an upgrade operation, which the downgrade must undo after the
    /// operation's reverse: the index MySQL makes for a foreign key that no index serves.
    /// </summary>
    public Dictionary<MigrationOperation, MigrationOperation> AlsoUndone => _constraints.AlsoUndone;

    /// <summary>The live tables compared with wanted ones, by the wanted name (after table renames).</summary>
    public Dictionary<TableName, Table> KeptTables => _tables.Kept;

    /// <summary>The wanted tables that <see cref="KeptTables"/> are compared with, by name.</summary>
    public Dictionary<TableName, Table> KeptWanted => _tables.KeptWanted;

    public List<MigrationOperation> Run(DatabaseSchema wanted, DatabaseSchema live)
    {
        var wantedTables = Included(wanted.Tables, isLive: false);
        var liveTables = Included(live.Tables, isLive: true);
        _tables.Compare(wantedTables, liveTables);
        CompareViews(Included(wanted.Views, isLive: false), Included(live.Views, isLive: true));
        CompareSequences(Included(wanted.Sequences, isLive: false), Included(live.Sequences, isLive: true));
        return [.. _tables.Renames, .. _sequenceCreates, .. _viewDrops, .. _constraints.ForeignKeyDrops, .. _tables.Drops, .. _tables.Creates,
            .. _tables.Changes, .. _constraints.ForeignKeyAdds, .. _viewCreates, .. _sequenceDrops];
    }

    // By name; each side as the database's defaults leave it, so that a bound spelled out equals the default it spells.
    private void CompareSequences(List<Sequence> wanted, List<Sequence> live)
    {
        var echo = _context.Dialect.Echo;
        var liveByName = live.Select(echo.Comparable).ToDictionary(s => s.Name, _context.TableNames);
        var wantedNames = wanted.Select(s => s.Name).ToHashSet(_context.TableNames);
        foreach (var sequence in liveByName.Values.Where(s => !wantedNames.Contains(s.Name)))
            _sequenceDrops.Add(new DropSequenceOperation(sequence.Name, sequence));
        foreach (var sequence in wanted.Select(echo.Comparable))
        {
            if (!liveByName.TryGetValue(sequence.Name, out var existing))
                _sequenceCreates.Add(new CreateSequenceOperation(sequence));
            else if (sequence with { Name = existing.Name } != existing)
                _sequenceCreates.Add(new AlterSequenceOperation(sequence, existing));
        }
    }

    private List<Sequence> Included(IReadOnlyList<Sequence> sequences, bool isLive) =>
        sequences.Where(s => Include(SchemaObjectKind.Sequence, s.Name, s.Name.Name, isLive)).ToList();

    private bool Include(SchemaObjectKind kind, TableName table, string? name, bool isLive) =>
        _options.Include?.Invoke(new SchemaObject(kind, table, name, isLive)) ?? true;

    private bool IsVersionTable(TableName name) =>
        _context.Names.Equals(name.Name, _options.VersionTable.Name) && (name.Schema is null || _options.VersionTable.Schema is null || name.Schema == _options.VersionTable.Schema);

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
        var liveByName = live.ToDictionary(v => v.Name, _context.TableNames);
        var wantedNames = wanted.Select(v => v.Name).ToHashSet(_context.TableNames);
        foreach (var view in Enumerable.Reverse(ReadFirst(live)).Where(v => !wantedNames.Contains(v.Name)))
            _viewDrops.Add(new DropObjectOperation(ObjectKind.View, view.Name, view.Definition));
        foreach (var view in ReadFirst(wanted))
        {
            if (!liveByName.TryGetValue(view.Name, out var existing))
                _viewCreates.Add(new CreateObjectOperation(ObjectKind.View, view.Name, view.Definition));
            else if (!SameView(view, existing))
                _viewCreates.Add(new ReplaceObjectOperation(ObjectKind.View, view.Name, view.Definition, Previous: existing.Definition));
        }
    }

    // Views in their given order, except that a view comes after the views its definition names: it is created after
    // them and dropped before them.
    private static List<View> ReadFirst(List<View> views)
    {
        var ordered = new List<View>(views.Count);
        var visited = new HashSet<View>();
        void Place(View view)
        {
            if (!visited.Add(view))
                return;
            foreach (var read in views.Where(v => v != view && Reads(view.Definition, v.Name.Name)))
                Place(read);
            ordered.Add(view);
        }
        foreach (var view in views)
            Place(view);
        return ordered;
    }

    private static bool Reads(string definition, string name) =>
        Regex.IsMatch(definition, @"(?<![\w$])" + Regex.Escape(name) + @"(?![\w$])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private bool SameView(View wanted, View live) =>
        _context.Dialect.Echo.SameViewDefinition(wanted.Definition, live.Definition)
        || _context.SameOnceEchoed(new ExpressionQuestion(wanted.Name, ExpressionKind.View, wanted.Definition),
            echoed => _context.Dialect.Echo.SameViewDefinition(echoed, live.Definition));
}
