using Retort.Dialects;

namespace Retort.Autogenerate;

/// <summary>
/// Which live index or constraint is which wanted one, beyond their names: the same columns or expressions (as the
/// database rewrites them), objects the database named its own way taken for the model's conventionally named ones,
/// and MySQL's unique indexes taken for the unique constraints they keep.
/// </summary>
internal sealed class ObjectMatching(ComparisonContext context)
{
    private readonly ComparisonContext _context = context;
    private readonly Dialect _dialect = context.Dialect;
    private readonly StringComparer _names = context.Names;

    /// <summary>
    /// The live table with each object that does what a wanted one of conventional name does, under a name no wanted
    /// object claims (or none), renamed to the wanted name, and where it must, turned into the wanted kind (a unique
    /// index for a unique constraint, or back): so the comparison by name that follows sees them as one.
    /// </summary>
    public Table WithImplicitNamesMatched(Table wanted, Table live)
    {
        var claimed = wanted.Indexes.Select(i => i.Name).Concat(wanted.Constraints.Select(c => c.Name)).OfType<string>().ToHashSet(_names);
        bool Free(string? name) => name is null || !claimed.Contains(name);
        bool Exists(string name) => live.Indexes.Any(i => _names.Equals(i.Name, name)) || live.Constraints.Any(c => c.Name is { } n && _names.Equals(n, name));
        bool PlainUnique(TableIndex index) => index.Unique && index.Where is null && !index.Columns.Any(TableIndex.IsExpression);
        var indexes = live.Indexes.ToList();
        var constraints = live.Constraints.ToList();
        var changed = false;
        foreach (var index in wanted.Indexes.Where(i => i.ImplicitName && !Exists(i.Name)))
        {
            var same = indexes.FindIndex(l => Free(l.Name) && SameIndex(wanted.Name, index, l));
            if (same >= 0)
                indexes[same] = indexes[same] with { Name = index.Name };
            else if (PlainUnique(index) && constraints.FindIndex(c => c is UniqueConstraint u && Free(u.Name) && u.Columns.SequenceEqual(index.Columns, _names)) is var unique and >= 0)
            {
                constraints.RemoveAt(unique);
                indexes.Add(index with { Table = live.Name });
            }
            else
                continue;
            changed = true;
        }
        foreach (var constraint in wanted.Constraints.Where(c => c.ImplicitName && c.Name is not null && !Exists(c.Name)))
        {
            int same;
            switch (constraint)
            {
                case UniqueConstraint unique:
                    same = constraints.FindIndex(c => c is UniqueConstraint u && Free(u.Name) && u.Columns.SequenceEqual(unique.Columns, _names));
                    if (same < 0 && indexes.FindIndex(i => Free(i.Name) && PlainUnique(i) && i.Columns.SequenceEqual(unique.Columns, _names)) is var index and >= 0)
                    {
                        indexes.RemoveAt(index);
                        constraints.Add(unique with { ImplicitName = false });
                        changed = true;
                        continue;
                    }
                    break;
                case CheckConstraint check:
                    same = constraints.FindIndex(c => c is CheckConstraint l && Free(l.Name) && SameCondition(wanted.Name, check.Condition, l.Condition));
                    break;
                default:
                    continue;
            }
            if (same < 0)
                continue;
            constraints[same] = constraints[same] with { Name = constraint.Name };
            changed = true;
        }
        return changed ? live with { Indexes = indexes, Constraints = constraints } : live;
    }

    public bool SameCondition(TableName table, string wanted, string live) => SameExpression(table, ExpressionKind.Check, wanted, live);

    /// <summary>
    /// Whether two expressions are the same once the database's rewriting is undone: by their normal form, else by
    /// what the database itself made of the wanted one (asked once per comparison, see <see cref="Comparison.Questions"/>).
    /// </summary>
    private bool SameExpression(TableName table, ExpressionKind kind, string wanted, string live) =>
        _dialect.Echo.NormalizeExpression(wanted) == _dialect.Echo.NormalizeExpression(live)
        || _context.SameOnceEchoed(new ExpressionQuestion(_context.LiveName(table), kind, wanted),
            echoed => _dialect.Echo.NormalizeExpression(echoed) == _dialect.Echo.NormalizeExpression(live));

    // MySQL keeps a unique constraint as a unique index and reads every plain unique index back as a constraint:
    // a live one takes the kind of the wanted object of its name.
    public Table Reconciled(Table wanted, Table live)
    {
        var wantedIndexes = wanted.Indexes.Where(i => i.Unique).Select(i => i.Name).ToHashSet(_names);
        var wantedUniques = wanted.Constraints.OfType<UniqueConstraint>().Where(u => u.Name is not null).Select(u => u.Name!).ToHashSet(_names);
        var asIndexes = live.Constraints.OfType<UniqueConstraint>().Where(u => u.Name is not null && wantedIndexes.Contains(u.Name) && !wantedUniques.Contains(u.Name)).ToList();
        var asConstraints = live.Indexes.Where(i => i.Unique && wantedUniques.Contains(i.Name) && !wantedIndexes.Contains(i.Name)
            && i.Where is null && !i.Columns.Any(TableIndex.IsExpression)).ToList();
        if (asIndexes.Count == 0 && asConstraints.Count == 0)
            return live;
        return live with
        {
            Constraints = [.. live.Constraints.Except(asIndexes), .. asConstraints.Select(i => new UniqueConstraint(i.Name, i.Columns))],
            Indexes = [.. live.Indexes.Except(asConstraints), .. asIndexes.Select(u => new TableIndex(u.Name!, live.Name.Name, u.Columns, unique: true, schema: live.Name.Schema))],
        };
    }

    public bool SameIndex(TableName table, TableIndex wanted, TableIndex live)
    {
        if (wanted.Unique != live.Unique || wanted.Columns.Count != live.Columns.Count || !wanted.Descending.SequenceEqual(live.Descending))
            return false;
        for (var i = 0; i < wanted.Columns.Count; i++)
        {
            var (w, l) = (wanted.Columns[i], live.Columns[i]);
            var same = !TableIndex.IsExpression(w) && !TableIndex.IsExpression(l)
                ? _names.Equals(w, l)
                : SameExpression(table, ExpressionKind.IndexExpression, w, l);
            if (!same)
                return false;
        }
        return !_dialect.Echo.HasPartialIndexes
            || (wanted.Where is null || live.Where is null ? wanted.Where is null && live.Where is null
                : SameExpression(table, ExpressionKind.IndexPredicate, wanted.Where, live.Where));
    }
}
