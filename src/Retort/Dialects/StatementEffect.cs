namespace Retort.Dialects;

/// <summary>What a DDL statement's effect is about: a table, a view, a column, a primary key, or a named index or constraint.</summary>
internal enum EffectKind { Table, View, Column, PrimaryKey, Named }

/// <summary>
/// One thing a DDL statement leaves behind when it took effect: the object <see cref="Name"/> (a column, index or
/// constraint of <see cref="Table"/>, or the table or view itself) exists afterwards, or (<see cref="Exists"/> false) no
/// longer does.
/// </summary>
internal sealed record StatementEffect(EffectKind Kind, TableName Table, string? Name, bool Exists)
{
    public override string ToString() => $"{Kind switch
    {
        EffectKind.Table => $"table {Table}",
        EffectKind.View => $"view {Table}",
        EffectKind.Column => $"column {Table}.{Name}",
        EffectKind.PrimaryKey => $"the primary key of {Table}",
        _ => $"{Name} on {Table}",
    }} {(Exists ? "exists" : "is gone")}";
}

/// <summary>
/// Reads from a DDL statement's text what it creates, drops or renames, for the shapes that say so plainly; a
/// statement whose effect cannot be read this way (MODIFY, a procedure, a data change) gives none, and its fate is
/// asked of a person.
/// </summary>
internal static class StatementEffects
{
    /// <summary>The effects of <paramref name="sql"/>, or an empty list when they cannot be read from it.</summary>
    public static IReadOnlyList<StatementEffect> Of(string sql)
    {
        var t = SqlEcho.Tokens(sql);
        var effects = new List<StatementEffect>();
        var i = 0;
        if (Word(t, ref i, "CREATE"))
        {
            if (Word(t, ref i, "OR"))
                Expect(t, ref i, "REPLACE");
            if (Word(t, ref i, "TEMPORARY"))
                return [];
            if (Word(t, ref i, "TABLE"))
            {
                IfExists(t, ref i);
                effects.Add(new(EffectKind.Table, TableAt(t, ref i), null, true));
            }
            else if ((Word(t, ref i, "UNIQUE") || Word(t, ref i, "FULLTEXT") || Word(t, ref i, "SPATIAL")) | Word(t, ref i, "INDEX"))
            {
                if (i > 0 && !t[i - 1].Is("INDEX"))
                    Expect(t, ref i, "INDEX");
                IfExists(t, ref i);
                var name = NameAt(t, ref i);
                Expect(t, ref i, "ON");
                effects.Add(new(EffectKind.Named, TableAt(t, ref i), name, true));
            }
            else
            {
                // CREATE [ALGORITHM = …] [DEFINER = …] [SQL SECURITY …] VIEW name
                while (i < t.Count && !t[i].Is("VIEW") && !t[i].Is("AS") && !t[i].Is("("))
                    i++;
                if (Word(t, ref i, "VIEW"))
                {
                    IfExists(t, ref i);
                    effects.Add(new(EffectKind.View, TableAt(t, ref i), null, true));
                }
            }
        }
        else if (Word(t, ref i, "DROP"))
        {
            var kind = Word(t, ref i, "TABLE") ? EffectKind.Table : Word(t, ref i, "VIEW") ? EffectKind.View : Word(t, ref i, "INDEX") ? EffectKind.Named : (EffectKind?)null;
            IfExists(t, ref i);
            if (kind == EffectKind.Named)
            {
                var name = NameAt(t, ref i);
                Expect(t, ref i, "ON");
                effects.Add(new(EffectKind.Named, TableAt(t, ref i), name, false));
            }
            else if (kind is { } dropped)
            {
                do
                    effects.Add(new(dropped, TableAt(t, ref i), null, false));
                while (Symbol(t, ref i, ","));
            }
        }
        else if (Word(t, ref i, "RENAME") && Word(t, ref i, "TABLE"))
        {
            do
            {
                var from = TableAt(t, ref i);
                Expect(t, ref i, "TO");
                var to = TableAt(t, ref i);
                effects.Add(new(EffectKind.Table, from, null, false));
                effects.Add(new(EffectKind.Table, to, null, true));
            }
            while (Symbol(t, ref i, ","));
        }
        else if (Word(t, ref i, "ALTER"))
        {
            Word(t, ref i, "ONLINE");
            Word(t, ref i, "IGNORE");
            if (Word(t, ref i, "TABLE"))
            {
                var table = TableAt(t, ref i);
                foreach (var clause in Clauses(t, i))
                    effects.AddRange(AlterClause(clause, table));
            }
        }
        // Anything left unread past a known shape would be a shape not understood.
        return effects.Any(e => e.Table.Name.Length == 0 || e.Name is { Length: 0 }) ? [] : effects;
    }

    // An ALTER TABLE clause's effects; none for a clause whose effect cannot be read (MODIFY, ALTER COLUMN, options).
    private static IEnumerable<StatementEffect> AlterClause(List<SqlToken> c, TableName table)
    {
        var i = 0;
        if (Word(c, ref i, "ADD"))
        {
            if (Word(c, ref i, "CONSTRAINT"))
            {
                IfExists(c, ref i);
                if (i < c.Count && c[i].IsName && !c[i].Is("PRIMARY") && !c[i].Is("UNIQUE") && !c[i].Is("FOREIGN") && !c[i].Is("CHECK"))
                    return [new(EffectKind.Named, table, NameAt(c, ref i), true)];
                return Word(c, ref i, "PRIMARY") ? [new(EffectKind.PrimaryKey, table, null, true)] : [];
            }
            if (Word(c, ref i, "PRIMARY"))
                return [new(EffectKind.PrimaryKey, table, null, true)];
            var modified = Word(c, ref i, "UNIQUE") || Word(c, ref i, "FULLTEXT") || Word(c, ref i, "SPATIAL");
            if ((Word(c, ref i, "INDEX") || Word(c, ref i, "KEY")) | modified)
            {
                IfExists(c, ref i);
                return i < c.Count && c[i].IsName ? [new(EffectKind.Named, table, NameAt(c, ref i), true)] : [];
            }
            if (Word(c, ref i, "FOREIGN") || Word(c, ref i, "CHECK") || Symbol(c, ref i, "("))
                return [];
            Word(c, ref i, "COLUMN");
            IfExists(c, ref i);
            return i < c.Count && c[i].IsName && !Symbol(c, ref i, "(") ? [new(EffectKind.Column, table, NameAt(c, ref i), true)] : [];
        }
        if (Word(c, ref i, "DROP"))
        {
            if (Word(c, ref i, "PRIMARY"))
                return [new(EffectKind.PrimaryKey, table, null, false)];
            var named = Word(c, ref i, "FOREIGN") ? Word(c, ref i, "KEY") : Word(c, ref i, "CONSTRAINT") || Word(c, ref i, "CHECK") || Word(c, ref i, "INDEX") || Word(c, ref i, "KEY");
            if (!named)
                Word(c, ref i, "COLUMN");
            IfExists(c, ref i);
            return i < c.Count && c[i].IsName ? [new(named ? EffectKind.Named : EffectKind.Column, table, NameAt(c, ref i), false)] : [];
        }
        if (Word(c, ref i, "RENAME"))
        {
            var kind = Word(c, ref i, "COLUMN") ? EffectKind.Column : Word(c, ref i, "INDEX") || Word(c, ref i, "KEY") ? EffectKind.Named : (EffectKind?)null;
            if (kind is { } renamed)
            {
                var from = NameAt(c, ref i);
                Expect(c, ref i, "TO");
                return [new(renamed, table, from, false), new(renamed, table, NameAt(c, ref i), true)];
            }
            if (!Word(c, ref i, "TO"))
                Word(c, ref i, "AS");
            var to = TableAt(c, ref i);
            return [new(EffectKind.Table, table, null, false), new(EffectKind.Table, to, null, true)];
        }
        if (Word(c, ref i, "CHANGE"))
        {
            Word(c, ref i, "COLUMN");
            IfExists(c, ref i);
            var from = NameAt(c, ref i);
            var to = NameAt(c, ref i);
            return from == to ? [] : [new(EffectKind.Column, table, from, false), new(EffectKind.Column, table, to, true)];
        }
        return [];
    }

    // The clauses of an ALTER TABLE after its table: split at commas outside parentheses.
    private static List<List<SqlToken>> Clauses(List<SqlToken> t, int start)
    {
        var clauses = new List<List<SqlToken>>();
        foreach (var comma in SqlTokenizer.TopLevelCommas(t, start, t.Count))
        {
            clauses.Add(t.GetRange(start, comma - start));
            start = comma + 1;
        }
        clauses.Add(t.GetRange(start, t.Count - start));
        return clauses;
    }

    private static void IfExists(List<SqlToken> t, ref int i)
    {
        if (Word(t, ref i, "IF"))
        {
            Word(t, ref i, "NOT");
            Expect(t, ref i, "EXISTS");
        }
    }

    private static TableName TableAt(List<SqlToken> t, ref int i)
    {
        var first = NameAt(t, ref i);
        return Symbol(t, ref i, ".") ? new TableName(NameAt(t, ref i), first) : new TableName(first);
    }

    // A name, or "" when there is none here (which makes the whole reading void).
    private static string NameAt(List<SqlToken> t, ref int i) => i < t.Count && t[i].IsName ? t[i++].Text : "";

    private static bool Word(List<SqlToken> t, ref int i, string word)
    {
        if (i < t.Count && t[i].Kind == SqlTokenKind.Word && t[i].Is(word))
        {
            i++;
            return true;
        }
        return false;
    }

    private static bool Symbol(List<SqlToken> t, ref int i, string symbol)
    {
        if (i < t.Count && t[i].Kind == SqlTokenKind.Symbol && t[i].Text == symbol)
        {
            i++;
            return true;
        }
        return false;
    }

    // A word the shape needs; when it is not there the name read next is void.
    private static void Expect(List<SqlToken> t, ref int i, string word)
    {
        if (!Word(t, ref i, word))
            i = t.Count;
    }
}
