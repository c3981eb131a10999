using Retort.Ops;

namespace Retort.Dialects.Sqlite;

/// <summary>
/// The statements of a table rebuild, after SQLite's procedure for schema changes ALTER TABLE cannot make
/// (https://www.sqlite.org/lang_altertable.html#otheralter): create the new table under a temporary name, copy the
/// rows, drop the old table, rename the new one, create indexes and triggers again, then rename columns in place and
/// check the foreign keys. Foreign-key enforcement is the runner's part: it switches it off around the transaction.
/// </summary>
internal static class SqliteTableRebuild
{
    public static IReadOnlyList<SqlStatement> Statements(SqliteDialect dialect, BatchAlterTableOperation batch)
    {
        var name = batch.Table;
        var before = batch.CopyFrom ?? throw new NotSupportedException(
            $"sqlite: batch mode rebuilds {name}, which needs the table's definition, and with --sql nothing is read from the database: pass copyFrom: new Table(...) to op.BatchAlterTable");
        if (!string.Equals(before.Name.Name, name.Name, StringComparison.OrdinalIgnoreCase))
            throw new NotSupportedException($"sqlite: batch on {name} was given copyFrom of table {before.Name}");
        var altered = AlteredTable.Apply(before with { Name = name }, batch.Operations, dialect.ColumnReferences);
        if (altered.Copied.Count == 0)
            throw new RetortException($"batch on {name}: keeps none of the table's columns, so no row could be copied; drop the table and create it instead");
        var temporary = name with { Name = "_retort_tmp_" + name.Name };
        var copied = string.Join(", ", altered.Copied.Select(dialect.Quote));
        var statements = new List<SqlStatement>();
        statements.AddRange(dialect.Render(new CreateTableOperation(altered.Rebuilt with { Name = temporary, Comment = null })));
        // No CAST: the new column's affinity converts each value that converts without loss and keeps the others as they
        // are (https://www.sqlite.org/datatype3.html#type_affinity), where CAST would turn 'abc' into 0.
        statements.Add(new($"INSERT INTO {dialect.Quote(temporary)} ({copied}) SELECT {copied} FROM {dialect.Quote(name)}"));
        if (altered.Rebuilt.Columns.Any(c => c.Identity && !c.IdentityUnstated))
            statements.AddRange(KeepSequence(dialect, before.Name, temporary));
        statements.Add(new($"DROP TABLE {dialect.Quote(name)}"));
        // Views and triggers that name the table would make RENAME fail (the table they name is gone at that moment)
        // unless the legacy behaviour is on, which leaves them pointing at the name the new table takes.
        // https://www.sqlite.org/pragma.html#pragma_legacy_alter_table
        statements.Add(new("PRAGMA legacy_alter_table = ON"));
        statements.AddRange(dialect.Render(new RenameTableOperation(temporary, name.Name)));
        statements.Add(new("PRAGMA legacy_alter_table = OFF"));
        foreach (var index in altered.Rebuilt.Indexes)
            statements.AddRange(dialect.Render(new CreateIndexOperation(index with { Table = name })));
        statements.AddRange(batch.Triggers.Select(t => new SqlStatement(t)));
        statements.AddRange(Renames(dialect, name, altered));
        if (altered.After.Constraints.OfType<ForeignKey>().Any())
            statements.AddRange(dialect.ForeignKeyCheck(name));
        return statements;
    }

    // AUTOINCREMENT never reuses a number (https://www.sqlite.org/autoinc.html): the new table takes the old one's
    // high-water mark, which the copied rows alone would lower when the last rows had been deleted.
    private static IEnumerable<SqlStatement> KeepSequence(SqliteDialect dialect, TableName old, TableName temporary)
    {
        var sequence = old.Schema is null ? "sqlite_sequence" : $"{dialect.Quote(old.Schema)}.sqlite_sequence";
        var (from, to) = (dialect.Literal(old.Name), dialect.Literal(temporary.Name));
        yield return new($"INSERT INTO {sequence} (name, seq) SELECT {to}, seq FROM {sequence} WHERE name = {from} " +
            $"AND NOT EXISTS (SELECT 1 FROM {sequence} WHERE name = {to})");
        yield return new($"UPDATE {sequence} SET seq = (SELECT max(seq) FROM {sequence} WHERE name IN ({from}, {to})) WHERE name = {to}");
    }

    // RENAME COLUMN in place, after the copy, so that SQLite carries each rename into indexes, triggers, views and
    // other tables' foreign keys (https://www.sqlite.org/lang_altertable.html#altertabrencol). A rename onto a name
    // still taken (a swap) first moves one column aside.
    private static IEnumerable<SqlStatement> Renames(SqliteDialect dialect, TableName table, AlteredTable altered)
    {
        var taken = altered.Rebuilt.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pending = altered.Renames.ToList();
        while (pending.Count > 0)
        {
            var next = pending.FindIndex(r => !taken.Contains(r.To));
            if (next < 0)
            {
                var (from, to) = pending[0];
                var aside = "_retort_tmp_" + from;
                yield return Rename(dialect, table, from, aside);
                taken.Remove(from);
                taken.Add(aside);
                pending[0] = (aside, to);
                continue;
            }
            var (old, renamed) = pending[next];
            yield return Rename(dialect, table, old, renamed);
            taken.Remove(old);
            taken.Add(renamed);
            pending.RemoveAt(next);
        }
    }

    private static SqlStatement Rename(SqliteDialect dialect, TableName table, string from, string to) =>
        new($"ALTER TABLE {dialect.Quote(table)} RENAME COLUMN {dialect.Quote(from)} TO {dialect.Quote(to)}");
}
