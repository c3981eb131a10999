using Retort.Dialects;

namespace Retort.Autogenerate;

internal sealed partial class Comparison
{
    /// <summary>
    /// The live table with each object that does what a wanted one of conventional name does, under a name no wanted
    /// object claims (or none), renamed to the wanted name, and where it must, turned into the wanted kind (a unique
    /// index for a unique constraint, or back): so the comparison by name that follows sees them as one.
    /// </summary>
    private Table WithImplicitNamesMatched(Table wanted, Table live)
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

    private bool SameCondition(TableName table, string wanted, string live) => SameExpression(table, ExpressionKind.Check, wanted, live);

    /// <summary>
    /// Whether two expressions are the same once the database's rewriting is undone: by their normal form, else by
    /// what the database itself made of the wanted one (asked once per comparison, see <see cref="Questions"/>).
    /// </summary>
    private bool SameExpression(TableName table, ExpressionKind kind, string wanted, string live)
    {
        if (_dialect.NormalizeExpression(wanted) == _dialect.NormalizeExpression(live))
            return true;
        var question = new ExpressionQuestion(LiveName(table), kind, wanted);
        if (_echoes?.TryGetValue(question, out var echoed) == true)
            return _dialect.NormalizeExpression(echoed) == _dialect.NormalizeExpression(live);
        Questions.Add(question);
        return false;
    }
}
