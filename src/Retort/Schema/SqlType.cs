namespace Retort;

/// <summary>The families of <see cref="SqlType"/>; each dialect renders every one of them (or says it cannot).</summary>
public enum SqlTypeKind
{
    /// <summary>16-bit integer.</summary>
    SmallInteger,
    /// <summary>32-bit integer.</summary>
    Integer,
    /// <summary>64-bit integer.</summary>
    BigInteger,
    /// <summary>Variable-length text with a maximum length.</summary>
    String,
    /// <summary>Fixed-length text.</summary>
    Char,
    /// <summary>Text without a length limit.</summary>
    Text,
    /// <summary>True or false.</summary>
    Boolean,
    /// <summary>A calendar date.</summary>
    Date,
    /// <summary>A time of day.</summary>
    Time,
    /// <summary>A date and time without time zone.</summary>
    DateTime,
    /// <summary>A date and time with time zone (an instant).</summary>
    DateTimeOffset,
    /// <summary>Exact decimal with precision and scale.</summary>
    Numeric,
    /// <summary>Single-precision floating point.</summary>
    Float,
    /// <summary>Double-precision floating point.</summary>
    Double,
    /// <summary>Bytes, with an optional maximum length.</summary>
    Binary,
    /// <summary>A UUID (native where the database has one, else char(36)).</summary>
    Guid,
    /// <summary>JSON (jsonb on PostgreSQL).</summary>
    Json,
    /// <summary>One of a fixed set of strings.</summary>
    Enum,
    /// <summary>A database's own type, kept exactly as written (<c>jsonb</c>, <c>citext</c>, <c>MEDIUMTEXT</c>, <c>int[]</c>).</summary>
    Raw,
}

/// <summary>
/// A column type: a generic one that each dialect renders in its own words, or a database's own type
/// kept as written.
/// </summary>
/// <example><code>new Column("name", SqlType.String(50)); new Column("tags", SqlType.Raw("text[]"));</code></example>
public sealed record SqlType
{
    private SqlType(SqlTypeKind kind) => Kind = kind;

    /// <summary>The family.</summary>
    public SqlTypeKind Kind { get; }

    /// <summary>Length of strings, chars and binaries; null for none.</summary>
    public int? Length { get; init; }

    /// <summary>Total digits of a numeric.</summary>
    public int? Precision { get; init; }

    /// <summary>Digits after the point of a numeric.</summary>
    public int? Scale { get; init; }

    /// <summary>The values of an enum.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The enum's type name (PostgreSQL creates a type of this name), or a raw type's text.</summary>
    public string? Name { get; init; }

    /// <summary>16-bit integer.</summary>
    public static SqlType SmallInteger { get; } = new(SqlTypeKind.SmallInteger);
    /// <summary>32-bit integer.</summary>
    public static SqlType Integer { get; } = new(SqlTypeKind.Integer);
    /// <summary>64-bit integer.</summary>
    public static SqlType BigInteger { get; } = new(SqlTypeKind.BigInteger);
    /// <summary>Text without a length limit.</summary>
    public static SqlType Text { get; } = new(SqlTypeKind.Text);
    /// <summary>True or false.</summary>
    public static SqlType Boolean { get; } = new(SqlTypeKind.Boolean);
    /// <summary>A calendar date.</summary>
    public static SqlType Date { get; } = new(SqlTypeKind.Date);
    /// <summary>A time of day.</summary>
    public static SqlType Time { get; } = new(SqlTypeKind.Time);
    /// <summary>A date and time without time zone.</summary>
    public static SqlType DateTime { get; } = new(SqlTypeKind.DateTime);
    /// <summary>A date and time with time zone.</summary>
    public static SqlType DateTimeOffset { get; } = new(SqlTypeKind.DateTimeOffset);
    /// <summary>Single-precision floating point.</summary>
    public static SqlType Float { get; } = new(SqlTypeKind.Float);
    /// <summary>Double-precision floating point.</summary>
    public static SqlType Double { get; } = new(SqlTypeKind.Double);
    /// <summary>A UUID.</summary>
    public static SqlType Guid { get; } = new(SqlTypeKind.Guid);
    /// <summary>JSON.</summary>
    public static SqlType Json { get; } = new(SqlTypeKind.Json);

    /// <summary>Variable-length text of at most <paramref name="length"/> characters.</summary>
    public static SqlType String(int length) => new(SqlTypeKind.String) { Length = Positive(length, nameof(length)) };

    /// <summary>Fixed-length text of <paramref name="length"/> characters.</summary>
    public static SqlType Char(int length) => new(SqlTypeKind.Char) { Length = Positive(length, nameof(length)) };

    /// <summary>Exact decimal; <c>Numeric(10, 2)</c> holds 12345678.90.</summary>
    public static SqlType Numeric(int? precision = null, int? scale = null) =>
        new(SqlTypeKind.Numeric) { Precision = precision, Scale = scale };

    /// <summary>Bytes, of at most <paramref name="length"/> when given.</summary>
    public static SqlType Binary(int? length = null) => new(SqlTypeKind.Binary) { Length = length };

    /// <summary>One of <paramref name="values"/>; <paramref name="name"/> names the type where the database has enum types.</summary>
    public static SqlType Enum(string name, params string[] values) =>
        values.Length == 0 ? throw new ArgumentException("An enum needs at least one value", nameof(values))
            : new(SqlTypeKind.Enum) { Name = name, Values = values };

    /// <summary>A database's own type, written into the DDL as it is given.</summary>
    public static SqlType Raw(string type) =>
        string.IsNullOrWhiteSpace(type) ? throw new ArgumentException("A raw type needs its text", nameof(type))
            : new(SqlTypeKind.Raw) { Name = type.Trim() };

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "must be positive");

    /// <summary>Equality by value, the enum's values included.</summary>
    public bool Equals(SqlType? other) =>
        other is not null && Kind == other.Kind && Length == other.Length && Precision == other.Precision &&
        Scale == other.Scale && Name == other.Name && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Length, Precision, Scale, Name);

    /// <summary>The type as C# source, as a revision file writes it.</summary>
    public override string ToString() => Kind switch
    {
        SqlTypeKind.String or SqlTypeKind.Char => $"SqlType.{Kind}({Length})",
        SqlTypeKind.Numeric when Precision is null => "SqlType.Numeric()",
        SqlTypeKind.Numeric when Scale is null => $"SqlType.Numeric({Precision})",
        SqlTypeKind.Numeric => $"SqlType.Numeric({Precision}, {Scale})",
        SqlTypeKind.Binary => Length is null ? "SqlType.Binary()" : $"SqlType.Binary({Length})",
        SqlTypeKind.Enum => $"SqlType.Enum({Quote(Name!)}, {string.Join(", ", Values.Select(Quote))})",
        SqlTypeKind.Raw => $"SqlType.Raw({Quote(Name!)})",
        _ => $"SqlType.{Kind}",
    };

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
