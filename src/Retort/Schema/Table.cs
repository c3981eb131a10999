namespace Retort;

/// <summary>A table: columns, constraints, indexes and comment. One model for what code wants and what a database has.</summary>
public sealed record Table
{
    /// <summary>Describes a table from its elements (columns and constraints, in any order).</summary>
    public Table(TableName name, IEnumerable<TableElement> elements, IEnumerable<TableIndex>? indexes = null, string? comment = null)
    {
        Name = name;
        var list = elements.ToList();
        Constraints = list.OfType<Constraint>().ToList();
        Columns = WithConventionalIdentity(list.OfType<Column>().ToList(), Constraints);
        Indexes = indexes?.ToList() ?? [];
        Comment = comment;
        if (Columns.Count == 0)
            throw new ArgumentException($"Table {name} needs at least one column");
        var duplicate = Columns.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Table {name} declares column {duplicate.Key} twice");
    }

    // SQLAlchemy's autoincrement="auto" and EF Core's convention: the one integer column of a single-column primary key,
    // with no default and not taking its values from another table, is numbered by the database unless told otherwise.
    private static List<Column> WithConventionalIdentity(List<Column> columns, IReadOnlyList<Constraint> constraints)
    {
        var key = constraints.OfType<PrimaryKey>().FirstOrDefault()?.Columns ?? columns.Where(c => c.PrimaryKey).Select(c => c.Name).ToList();
        if (key.Count != 1)
            return columns;
        var index = columns.FindIndex(c => c.Name == key[0]);
        if (index >= 0 && columns[index].IdentityUnstated && NumberedByConvention(columns[index], key, constraints))
            columns[index] = columns[index] with { Identity = true };
        return columns;
    }

    /// <summary>Whether the convention numbers <paramref name="column"/>: the integer column of a one-column key, with no default or foreign key.</summary>
    internal static bool NumberedByConvention(Column column, IReadOnlyList<string> key, IEnumerable<Constraint> constraints) =>
        key.Count == 1 && key[0] == column.Name && column.ServerDefault is null && column.Computed is null
        && column.Type.Kind is SqlTypeKind.SmallInteger or SqlTypeKind.Integer or SqlTypeKind.BigInteger
        && !constraints.OfType<ForeignKey>().Any(k => k.Columns.Contains(column.Name));

    /// <summary>The table's name.</summary>
    public TableName Name { get; init; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<Column> Columns { get; init; }

    /// <summary>Table constraints (a primary key given by columns' <c>primaryKey</c> flags is not among them; see <see cref="PrimaryKeyColumns"/>).</summary>
    public IReadOnlyList<Constraint> Constraints { get; init; }

    /// <summary>Indexes.</summary>
    public IReadOnlyList<TableIndex> Indexes { get; init; }

    /// <summary>The table's comment.</summary>
    public string? Comment { get; init; }

    /// <summary>Earlier names of this table (from the model's <c>[RenamedFrom]</c>); empty for live tables.</summary>
    public IReadOnlyList<string> RenamedFrom { get; init; } = [];

    /// <summary>The primary key: the explicit constraint, else the columns flagged <c>primaryKey</c>.</summary>
    public PrimaryKey? PrimaryKey =>
        Constraints.OfType<PrimaryKey>().FirstOrDefault()
        ?? (Columns.Any(c => c.PrimaryKey) ? new PrimaryKey(null, Columns.Where(c => c.PrimaryKey).Select(c => c.Name).ToArray()) : null);

    /// <summary>The primary key's columns.</summary>
    public IReadOnlyList<string> PrimaryKeyColumns => PrimaryKey?.Columns ?? [];

    /// <summary>The column of that name, or null.</summary>
    public Column? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
