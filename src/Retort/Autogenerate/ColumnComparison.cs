using Retort.Dialects;
using Retort.Ops;
using static Retort.Autogenerate.ComparisonContext;

namespace Retort.Autogenerate;

/// <summary>
/// The columns of a table a comparison keeps: renames, adds, changes of type, nullability, default and comment, drops,
/// and the warnings about what those changes may do to the data or leave undone.
/// </summary>
internal sealed class ColumnComparison(ComparisonContext context)
{
    private readonly ComparisonContext _context = context;
    private readonly Dialect _dialect = context.Dialect;
    private readonly CompareOptions _options = context.Options;
    private readonly StringComparer _names = context.Names;
    private readonly List<string> _warnings = context.Warnings;

    /// <summary>A kept table's column operations by kind, which the table's comparison puts in Alembic's order.</summary>
    public sealed record Changes(Table Live, List<MigrationOperation> Renames, List<MigrationOperation> Adds,
        List<MigrationOperation> Alters, List<MigrationOperation> Drops);

    /// <summary>The column changes of one kept table, and the live table as it is after the renames.</summary>
    public Changes Compare(Table wanted, Table live)
    {
        var name = wanted.Name;
        var renames = new List<MigrationOperation>();
        live = RenameColumns(wanted, live, renames);
        var liveColumns = new Dictionary<string, Column>(live.Columns.Count, _names);
        foreach (var column in live.Columns)
            liveColumns.TryAdd(column.Name, column);
        var wantedNames = wanted.Columns.Select(c => c.Name).ToHashSet(_names);

        var adds = new List<MigrationOperation>();
        var alters = new List<MigrationOperation>();
        foreach (var column in wanted.Columns)
        {
            if (!liveColumns.TryGetValue(column.Name, out var existing))
            {
                var add = new AddColumnOperation(name, column.RenamedFrom.Count == 0 ? column : column with { RenamedFrom = [] });
                adds.Add(add);
                if (column is { Nullable: false, ServerDefault: null, Identity: false })
                    _context.Note(add, $"Column {name}.{column.Name} is NOT NULL without a server default: adding it fails on a table that has rows; " +
                        (column.SuggestedDefault?.Invoke() is { } suggested
                            ? $"the class gives it {suggested}: [ServerDefault(\"{suggested.Replace("\"", "\\\"", StringComparison.Ordinal)}\")] would fill them"
                            : "give it [ServerDefault(\"...\")], or add it nullable, fill it, then make it NOT NULL"));
            }
            else if (!SameComputed(name, column, existing))
            {
                // No database changes a generated column's expression, or turns a column computed or plain, in place
                // (PostgreSQL 15, MariaDB and SQLite have no such ALTER): the column is dropped and added again.
                var drop = new DropColumnOperation(name, existing.Name, existing);
                alters.AddRange([drop, new AddColumnOperation(name, column with { RenamedFrom = [] })]);
                _context.Note(drop, $"Column {name}.{column.Name} {ComputedChange(column, existing)}: it is dropped and added again");
            }
            else if (CompareColumn(name, column, existing) is { } alter)
            {
                // A renamed column's other changes go with its rename.
                var rename = renames.FindIndex(r => r is AlterColumnOperation a && _names.Equals(a.FinalName, column.Name));
                if (rename >= 0)
                    renames[rename] = Merged((AlterColumnOperation)renames[rename], alter);
                else
                    alters.Add(alter);
            }
        }
        var drops = live.Columns.Where(c => !wantedNames.Contains(c.Name))
            .Select(c => (MigrationOperation)new DropColumnOperation(name, c.Name, c)).ToList();
        // MariaDB keeps a check declared after its column in the column's definition, which MODIFY restates.
        foreach (var alter in alters.Concat(renames).OfType<AlterColumnOperation>().Where(a => _dialect.Echo.RestatesColumns && (a.Type ?? (object?)a.Nullable ?? a.Comment) is not null))
        {
            if (live.Constraints.OfType<CheckConstraint>().FirstOrDefault(c => c.Column is { } owner && _names.Equals(owner, alter.Column)) is { } check)
                _context.Note(alter, $"{name}.{alter.Column} holds check {check.Name} in its definition, which this change restates: an online run keeps the check, " +
                    $"an offline (--sql) script drops it; after running the script, add it back with op.CreateCheckConstraint(\"{check.Name}\", \"{name.Name}\", ...)");
        }
        foreach (var (table, column, to, from) in _narrowing.Where(n => n.Table == name))
        {
            if (alters.Concat(renames).OfType<AlterColumnOperation>().FirstOrDefault(a => a.Column == column && a.Type is not null) is { } alter)
                _context.Note(alter, $"Column {table}.{column} becomes {to} from {from}: values that do not fit are cut or refused; check the data first");
        }
        WarnOfColumnRenames(wanted, adds, drops);
        WarnOfUnchangeable(wanted, live, liveColumns);
        return new Changes(live, renames, adds, alters, drops);
    }

    // A wanted column whose [RenamedFrom] names a live column that no wanted column claims is that column, renamed;
    // the live table is returned as it is after the renames (the database renames the column in its constraints and
    // indexes too).
    private Table RenameColumns(Table wanted, Table live, List<MigrationOperation> renames)
    {
        if (!wanted.Columns.Any(c => c.RenamedFrom.Count > 0))
            return live;
        var liveNames = live.Columns.Select(c => c.Name).ToHashSet(_names);
        var wantedNames = wanted.Columns.Select(c => c.Name).ToHashSet(_names);
        var renamed = new Dictionary<string, string>(_names);
        foreach (var column in wanted.Columns)
        {
            if (column.RenamedFrom.Count == 0 || liveNames.Contains(column.Name))
                continue;
            var old = column.RenamedFrom.FirstOrDefault(o => liveNames.Contains(o) && !wantedNames.Contains(o) && !renamed.ContainsKey(o));
            if (old is null)
                continue;
            var existing = live.Columns.First(c => _names.Equals(c.Name, old));
            renamed[old] = column.Name;
            renames.Add(Existing(new AlterColumnOperation(wanted.Name, existing.Name) { NewName = column.Name }, column, existing));
        }
        if (renamed.Count == 0)
            return live;
        string New(string c) => renamed.TryGetValue(c, out var to) ? to : c;
        List<string> NewList(IEnumerable<string> columns) => columns.Select(New).ToList();
        return live with
        {
            Columns = live.Columns.Select(c => renamed.ContainsKey(c.Name) ? c with { Name = New(c.Name) } : c).ToList(),
            Constraints = live.Constraints.Select(c => c switch
            {
                PrimaryKey k => k with { Columns = NewList(k.Columns) },
                UniqueConstraint u => u with { Columns = NewList(u.Columns) },
                ForeignKey f => f with { Columns = NewList(f.Columns) },
                _ => c,
            }).ToList(),
            Indexes = live.Indexes.Select(i => i with { Columns = NewList(i.Columns) }).ToList(),
        };
    }

    /// <summary>The AlterColumn that turns the live column into the wanted one, or null when they agree.</summary>
    private AlterColumnOperation? CompareColumn(TableName table, Column wanted, Column live)
    {
        var alter = new AlterColumnOperation(table, live.Name);
        if (_options.CompareType && !TypesAgree(wanted, live))
        {
            alter = alter with { Type = wanted.Type };
            if (_dialect.Echo.EnumsAreTypes && wanted.Type is { Kind: SqlTypeKind.Enum } type && live.Type.Kind == SqlTypeKind.Enum && _names.Equals(type.Name, live.Type.Name))
                _warnings.Add($"Enum {type.Name} of {table}.{wanted.Name} changes its values; {_dialect.Name} keeps it as a type that a column change cannot alter: " +
                    $"add the values with op.Execute(\"ALTER TYPE {type.Name} ADD VALUE ...\") instead, or give the enum a new name");
        }
        // MariaDB takes no NOT NULL on a generated column and reads every one back as nullable.
        if (wanted.Nullable != live.Nullable && (wanted.Computed is null || _dialect.Echo.KeepsComputedNullability))
            alter = alter with { Nullable = wanted.Nullable };
        if (_options.CompareServerDefault && !wanted.Identity && !live.Identity && !SameDefault(wanted, live, table))
            alter = alter with { ServerDefault = new Change<string?>(wanted.ServerDefault) };
        if (_dialect.Echo.KeepsComments && Blank(wanted.Comment) != Blank(live.Comment))
            alter = alter with { Comment = new Change<string?>(Blank(wanted.Comment)) };
        if (alter.Type is null && alter.Nullable is null && alter.ServerDefault is null && alter.Comment is null)
            return null;
        if (alter.Type is { } narrower && Narrows(narrower, live.Type))
            _narrowing.Add((table, live.Name, narrower, live.Type));
        if (_dialect.Echo.RestatesColumns && (alter.Type ?? (object?)alter.Nullable ?? alter.Comment) is not null && live.Collation is not null)
            _warnings.Add($"Changing {table}.{live.Name} restates the whole column on {_dialect.Name}, without its " +
                $"collation {live.Collation}, which the operation does not carry: add it back with op.Execute after the change");
        return Existing(alter, wanted, live);
    }

    private readonly List<(TableName Table, string Column, SqlType To, SqlType From)> _narrowing = [];

    // A shorter string, fewer digits, or a smaller integer: values that fit before may not after.
    private static bool Narrows(SqlType to, SqlType from) =>
        (to.Kind == from.Kind && to.Kind is SqlTypeKind.String or SqlTypeKind.Char or SqlTypeKind.Binary && to.Length < (from.Length ?? int.MaxValue))
        || (to.Kind == from.Kind && to.Kind == SqlTypeKind.Numeric && (to.Precision - to.Scale < from.Precision - from.Scale || to.Scale < from.Scale))
        || (to.Kind, from.Kind) is (SqlTypeKind.SmallInteger, SqlTypeKind.Integer or SqlTypeKind.BigInteger) or (SqlTypeKind.Integer, SqlTypeKind.BigInteger)
        || (to.Kind is SqlTypeKind.String or SqlTypeKind.Char && from.Kind == SqlTypeKind.Text);

    // The column as it is, so that the change reverses and MySQL can restate the column: the wanted spelling where
    // the two agree (it reads better and renders the same), the live value where they differ.
    private AlterColumnOperation Existing(AlterColumnOperation alter, Column wanted, Column live) => alter with
    {
        ExistingType = TypesAgree(wanted, live) ? wanted.Type : live.Type,
        ExistingNullable = live.Nullable,
        ExistingServerDefault = SameDefault(wanted, live) ? wanted.ServerDefault : live.ServerDefault,
        ExistingServerDefaultKnown = true,
        ExistingComment = Blank(wanted.Comment) == Blank(live.Comment) ? Blank(wanted.Comment) : Blank(live.Comment),
        ExistingCommentKnown = true,
        // MySQL restates a changed column whole; offline, only this keeps its AUTO_INCREMENT.
        ExistingAutoincrement = live.Identity && _dialect.Echo.RestatesColumns ? true : null,
    };

    private bool TypesAgree(Column wanted, Column live) =>
        _options.CompareDeclaredTypes ? _dialect.Echo.SameColumnType(wanted, live) : _dialect.Echo.SameStoredType(wanted, live);

    private bool SameDefault(Column wanted, Column live, TableName? table = null)
    {
        if (wanted.ServerDefault == live.ServerDefault || _dialect.Echo.NormalizeDefault(wanted.ServerDefault) == _dialect.Echo.NormalizeDefault(live.ServerDefault))
            return true;
        if (table is null || wanted.ServerDefault is null || live.ServerDefault is null)
            return false;
        var question = new ExpressionQuestion(_context.LiveName(table.Value), ExpressionKind.Default, wanted.ServerDefault, live.Name);
        return _context.SameOnceEchoed(question, echoed => _dialect.Echo.NormalizeDefault(echoed) == _dialect.Echo.NormalizeDefault(live.ServerDefault));
    }

    // Whether both columns are plain, or computed alike: stored or virtual, with the same expression once the
    // database's rewriting (quoting, casts, parentheses) is undone, or as the database itself stores the model's.
    private bool SameComputed(TableName table, Column wanted, Column live)
    {
        if (wanted.Computed is null || live.Computed is null || wanted.Stored != live.Stored)
            return wanted.Computed is null && live.Computed is null;
        if (wanted.Computed == live.Computed || _dialect.Echo.NormalizeExpression(wanted.Computed) == _dialect.Echo.NormalizeExpression(live.Computed))
            return true;
        var question = new ExpressionQuestion(_context.LiveName(table), ExpressionKind.Computed, wanted.Computed, live.Name, _dialect.TypeName(wanted.Type));
        return _context.SameOnceEchoed(question, echoed => _dialect.Echo.NormalizeExpression(echoed) == _dialect.Echo.NormalizeExpression(live.Computed));
    }

    private static string ComputedChange(Column wanted, Column live) =>
        (wanted.Computed, live.Computed) switch
        {
            (null, _) => $"is computed ({live.Computed}) in the database and a plain column in the model",
            (_, null) => $"is a plain column in the database and computed ({wanted.Computed}) in the model",
            _ when wanted.Stored != live.Stored => $"is {(live.Stored ? "stored" : "virtual")} in the database and {(wanted.Stored ? "stored" : "virtual")} in the model",
            _ => $"is computed as {live.Computed} in the database and as {wanted.Computed} in the model",
        };

    private static AlterColumnOperation Merged(AlterColumnOperation rename, AlterColumnOperation change) => rename with
    {
        Type = change.Type,
        Nullable = change.Nullable,
        ServerDefault = change.ServerDefault,
        Comment = change.Comment,
    };

    private void WarnOfColumnRenames(Table wanted, List<MigrationOperation> adds, List<MigrationOperation> drops)
    {
        if (adds.Count == 0 || drops.Count == 0)
            return;
        var dropped = drops.Cast<DropColumnOperation>().ToList();
        foreach (var add in adds.Cast<AddColumnOperation>())
        {
            var old = dropped.FirstOrDefault(d => _dialect.Echo.SameType(add.Column.Type, d.Existing!.Type));
            if (old is null)
                continue;
            dropped.Remove(old);
            var warning = $"Table {wanted.Name}: column {old.Column} is dropped and {add.Column.Name} added with the same type; if it is a rename, " +
                $"mark the property [RenamedFrom(\"{old.Column}\")] so that autogenerate renames it and keeps the data";
            _context.Note(old, warning);
            _context.Notes[add] = _context.Notes.TryGetValue(add, out var earlier) ? [.. earlier, warning] : [warning];
        }
    }

    // Identity and primary keys have no operation that changes them; say so rather than pass in silence.
    private void WarnOfUnchangeable(Table wanted, Table live, Dictionary<string, Column> liveColumns)
    {
        foreach (var column in wanted.Columns)
        {
            // SQLite numbers its rowid whatever it is told, with or without AUTOINCREMENT.
            if (liveColumns.TryGetValue(column.Name, out var existing) && column.Identity != existing.Identity
                && !_dialect.Echo.NumbersImplicitly(live, existing))
                _warnings.Add($"Column {wanted.Name}.{column.Name} {(column.Identity ? "should be" : "should no longer be")} an identity column; " +
                    "autogenerate does not change that: write the change by hand");
        }
        var (wantedKey, liveKey) = (wanted.PrimaryKeyColumns, live.PrimaryKeyColumns);
        if (!wantedKey.SequenceEqual(liveKey, _names))
            _warnings.Add($"The primary key of {wanted.Name} is {Columns(liveKey)} in the database and {Columns(wantedKey)} in the model; " +
                "autogenerate does not change primary keys: write op.DropConstraint and op.CreatePrimaryKey by hand");
    }
}
