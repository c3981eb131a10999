using System.Data.Common;
using System.Text.RegularExpressions;

namespace Retort.Dialects;

/// <summary>
/// What autogenerate asks a dialect when it compares the wanted schema with the live one: which differences
/// are real and which are only the way this database echoes what it was given. This base holds the rules that
/// hold everywhere; each dialect's <c>XEcho.cs</c> adds its database's own. Reached through <see cref="Dialect.Echo"/>.
/// </summary>
public partial class SchemaEcho
{
    // Internal: an echo belongs to its dialect, and only the dialects of this assembly make one.
    internal SchemaEcho(Dialect dialect) => Dialect = dialect;

    /// <summary>The dialect whose database this echo describes, for its type names and quoting.</summary>
    protected Dialect Dialect { get; }

    /// <summary>
    /// Whether a wanted type and a live one are the same for autogenerate: equal, or written alike in this
    /// database's DDL (<see cref="ComparableTypeName"/>), so that a type this database cannot keep apart
    /// (PostgreSQL's bytea has no length, SQLite's Guid is CHAR(36)) reads as no change.
    /// </summary>
    public virtual bool SameType(SqlType wanted, SqlType live) =>
        wanted == live
        || ComparableTypeName(wanted) == ComparableTypeName(live)
           && (wanted.Kind != SqlTypeKind.Enum || live.Kind != SqlTypeKind.Enum || wanted.Values.SequenceEqual(live.Values));

    /// <summary>
    /// Whether a wanted column's type and the live column's are the same; by default <see cref="SameType"/>,
    /// and overridden where the column's other traits change how its type is written (SQLite's identity).
    /// </summary>
    public virtual bool SameColumnType(Column wanted, Column live) => SameType(wanted.Type, live.Type);

    /// <summary>
    /// Whether the database stores values of the two columns alike, which is what autogenerate compares unless told
    /// to compare declared types (<c>CompareDeclaredTypes</c>); the same as <see cref="SameColumnType"/> except where
    /// a database keeps a declared type it does not enforce (SQLite's affinities).
    /// </summary>
    public virtual bool SameStoredType(Column wanted, Column live) => SameColumnType(wanted, live);

    /// <summary>
    /// A sequence as the database's defaults leave it: a bound, or the type, equal to what the database gives when none
    /// is said reads as none, so that a sequence compares alike whether its defaults were spelled out or not.
    /// </summary>
    internal virtual Sequence Comparable(Sequence sequence) => WithoutDefaults(sequence, long.MinValue, long.MaxValue);

    /// <summary>
    /// <paramref name="sequence"/> without the defaults of a database whose type's range is <paramref name="lowest"/> to
    /// <paramref name="highest"/>: an ascending sequence from 1 to the highest, a descending one from the lowest to -1.
    /// </summary>
    private protected static Sequence WithoutDefaults(Sequence sequence, long lowest, long highest, bool typed = true)
    {
        var (min, max) = sequence.Increment > 0 ? (1L, highest) : (lowest, -1L);
        return sequence with
        {
            Type = typed && sequence.Type is { } type && type != SqlType.BigInteger ? type : null,
            MinValue = sequence.MinValue == min ? null : sequence.MinValue,
            MaxValue = sequence.MaxValue == max ? null : sequence.MaxValue,
        };
    }

    /// <summary>
    /// A type's name as this database writes it, in one spelling (case, spacing, synonyms), for
    /// <see cref="SameType"/>. Types that this method gives the same text are the same type here.
    /// </summary>
    protected virtual string ComparableTypeName(SqlType type) => Spaces().Replace(Dialect.TypeName(type).Trim(), " ").ToUpperInvariant();

    /// <summary>
    /// A server default reduced to a comparable form, or null for none: outer parentheses, case, spacing,
    /// quoting of numbers and their format (<c>('0.00')</c> is <c>0</c>) and an explicit NULL do not count.
    /// Dialects add how their database rewrites defaults (casts, synonyms).
    /// </summary>
    public virtual string? NormalizeDefault(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
            return null;
        var tokens = SqlEcho.WithDatesCanonical(SqlEcho.WithNumbersUnquoted(SqlEcho.WithoutOuterParentheses(DefaultTokens(sql))));
        return tokens is [{ Kind: SqlTokenKind.Word } only] && only.Is("NULL") ? null : SqlEcho.Text(tokens);
    }

    /// <summary>The tokens of a default before the common normalisation; dialects strip their echo here.</summary>
    private protected virtual List<SqlToken> DefaultTokens(string sql) => SqlEcho.Tokens(sql);

    /// <summary>TRUE and FALSE as the 1 and 0 that SQLite and MySQL store them as (PostgreSQL has no integer booleans to confuse).</summary>
    private protected static List<SqlToken> WithBooleansAsNumbers(List<SqlToken> tokens) =>
        tokens.Select(t => t.Kind == SqlTokenKind.Word && t.Text.ToLowerInvariant() is "true" or "false"
            ? t with { Kind = SqlTokenKind.Number, Text = t.Is("true") ? "1" : "0" } : t).ToList();

    /// <summary>
    /// An index expression or a partial index's condition reduced to a comparable form: case, spacing,
    /// quoting of names and outer parentheses do not count.
    /// </summary>
    public virtual string NormalizeExpression(string sql) => SqlEcho.Text(SqlEcho.WithDatesCanonical(SqlEcho.WithoutOuterParentheses(SqlEcho.Tokens(sql))));

    /// <summary>
    /// Whether a wanted view definition and the live one are the same query. By default their text compares
    /// without case, spacing, quotes and a final semicolon; databases that rewrite views (PostgreSQL, MySQL)
    /// also ignore qualifiers, casts and grouping parentheses.
    /// </summary>
    public virtual bool SameViewDefinition(string wanted, string live) => ComparableView(wanted) == ComparableView(live);

    private protected string ComparableView(string sql, bool rewritten = false)
    {
        var tokens = SqlEcho.Tokens(sql);
        while (tokens.Count > 0 && tokens[^1].Is(";"))
            tokens.RemoveAt(tokens.Count - 1);
        if (rewritten)
            tokens = SqlEcho.WithoutSelfAliases(SqlEcho.WithoutGroupingParentheses(SqlEcho.WithoutQualifiers(SqlEcho.WithoutCasts(tokens))));
        return SqlEcho.Text(tokens);
    }

    /// <summary>
    /// A referential action as it acts: NO ACTION is what every database does when none is given, so it reads
    /// as null. Dialects where RESTRICT is the same (MySQL) fold it too.
    /// </summary>
    public virtual string? NormalizeReferentialAction(string? action) =>
        action is null || string.Equals(action.Trim(), "NO ACTION", StringComparison.OrdinalIgnoreCase) ? null : action.Trim().ToUpperInvariant();

    /// <summary>
    /// Whether the database makes an index for each foreign key that no index serves, named after the key, and
    /// keeps it when the key is dropped (MySQL's InnoDB): autogenerate then drops that index with the key.
    /// </summary>
    public virtual bool IndexesForeignKeys => false;

    /// <summary>
    /// Whether an enum is a type of its own, named and shared (PostgreSQL), whose values a column change cannot
    /// alter in place; autogenerate then warns when an enum keeps its name but changes its values.
    /// </summary>
    public virtual bool EnumsAreTypes => false;

    /// <summary>
    /// Whether a change of a column's type, nullability or comment restates the whole column (MySQL's MODIFY), so
    /// that what the operation does not describe (AUTO_INCREMENT, a collation) is lost; autogenerate warns then.
    /// </summary>
    public virtual bool RestatesColumns => false;

    /// <summary>
    /// Whether the database keeps a computed column's NOT NULL; MariaDB takes none and reads every generated column
    /// back as nullable, so there the nullability of computed columns is not compared.
    /// </summary>
    internal virtual bool KeepsComputedNullability => true;

    /// <summary>Whether the database keeps table and column comments (SQLite does not, so they are not compared there).</summary>
    public virtual bool KeepsComments => true;

    /// <summary>Whether the database has partial indexes; where it does not, an index's condition is not compared.</summary>
    public virtual bool HasPartialIndexes => true;

    /// <summary>
    /// Whether a unique constraint is a unique index here (MySQL), so that the two read back alike and a wanted
    /// one matches a live one of the other kind with the same name and columns.
    /// </summary>
    public virtual bool UniqueConstraintsAreIndexes => false;

    /// <summary>
    /// Whether an unnamed constraint can be dropped, by rebuilding its table (SQLite, whose inline constraints have no
    /// name): autogenerate then writes the drop into the table's batch instead of asking for it to be done by hand.
    /// </summary>
    public virtual bool DropsUnnamedConstraints => false;

    /// <summary>
    /// What the database makes of the model's expressions that did not compare equal by their text: each answered
    /// question maps to the text the database stores for it, read back as the inspector reads its own. By default
    /// nothing is asked; PostgreSQL, which rewrites expressions most, stores them on temporary objects in a
    /// transaction it rolls back.
    /// </summary>
    internal virtual Task<IReadOnlyDictionary<ExpressionQuestion, string>> EchoAsync(DbConnection connection, IReadOnlyCollection<ExpressionQuestion> questions,
        CancellationToken cancellationToken) => Task.FromResult<IReadOnlyDictionary<ExpressionQuestion, string>>(new Dictionary<ExpressionQuestion, string>());

    /// <summary>
    /// Whether the database numbers the live column without being told to (SQLite's INTEGER PRIMARY KEY, an alias of
    /// the rowid): a model that wants an identity column there has one.
    /// </summary>
    public virtual bool NumbersImplicitly(Table live, Column column) => false;

    /// <summary>How this database compares names of tables, columns and indexes.</summary>
    public virtual StringComparer NameComparer => StringComparer.Ordinal;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
