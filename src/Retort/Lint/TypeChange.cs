using Retort.Dialects;

namespace Retort.Lint;

/// <summary>What a column's type change does to the values already there.</summary>
internal enum TypeChangeKind
{
    /// <summary>Every value fits the new type unchanged.</summary>
    Widening,

    /// <summary>Some values may not fit, or lose part of themselves (length, digits, offset, time of day).</summary>
    Narrowing,

    /// <summary>A conversion that a value may fail, or a change lint cannot judge because the old type is not given.</summary>
    MayFail,
}

/// <summary>Judges a type change from <c>existingType</c> to the new type, as lint rules need it.</summary>
internal static class TypeChange
{
    private static readonly SqlTypeKind[] Integers = [SqlTypeKind.SmallInteger, SqlTypeKind.Integer, SqlTypeKind.BigInteger];
    private static readonly SqlTypeKind[] Texts = [SqlTypeKind.String, SqlTypeKind.Char, SqlTypeKind.Text];

    public static TypeChangeKind Classify(SqlType? from, SqlType to)
    {
        if (from is null || from.Kind is SqlTypeKind.Raw or SqlTypeKind.Enum || to.Kind is SqlTypeKind.Raw or SqlTypeKind.Enum)
            return from == to ? TypeChangeKind.Widening : TypeChangeKind.MayFail;
        if (Integers.Contains(from.Kind) && Integers.Contains(to.Kind))
            return Array.IndexOf(Integers, to.Kind) >= Array.IndexOf(Integers, from.Kind) ? TypeChangeKind.Widening : TypeChangeKind.Narrowing;
        if (Texts.Contains(from.Kind) && Texts.Contains(to.Kind))
            return Longest(to) >= Longest(from) ? TypeChangeKind.Widening : TypeChangeKind.Narrowing;
        if (to.Kind == SqlTypeKind.Text)
            return TypeChangeKind.Widening;
        if (Texts.Contains(from.Kind))
            return TypeChangeKind.MayFail;
        return (from.Kind, to.Kind) switch
        {
            (SqlTypeKind.Numeric, SqlTypeKind.Numeric) => Digits(to, from),
            (SqlTypeKind.Binary, SqlTypeKind.Binary) => Longest(to) >= Longest(from) ? TypeChangeKind.Widening : TypeChangeKind.Narrowing,
            (SqlTypeKind.Float, SqlTypeKind.Double) or (SqlTypeKind.Date, SqlTypeKind.DateTime) or (SqlTypeKind.Date, SqlTypeKind.DateTimeOffset)
                or (SqlTypeKind.DateTime, SqlTypeKind.DateTimeOffset) => TypeChangeKind.Widening,
            (SqlTypeKind.Double, SqlTypeKind.Float) or (SqlTypeKind.DateTimeOffset, SqlTypeKind.DateTime) or (SqlTypeKind.DateTime, SqlTypeKind.Date)
                or (SqlTypeKind.DateTimeOffset, SqlTypeKind.Date) => TypeChangeKind.Narrowing,
            var (f, t) when Integers.Contains(f) && t is SqlTypeKind.BigInteger or SqlTypeKind.Double => TypeChangeKind.Widening,
            var (f, t) when Integers.Contains(f) && t == SqlTypeKind.Numeric =>
                to.Precision is null || to.Precision - (to.Scale ?? 0) >= IntegerDigits(f) ? TypeChangeKind.Widening : TypeChangeKind.Narrowing,
            var (f, t) when f == t => TypeChangeKind.Widening,
            _ => TypeChangeKind.MayFail,
        };
    }

    /// <summary>
    /// Whether PostgreSQL makes the change without rewriting the table: the types are binary-coercible and no value needs
    /// checking (a longer varchar, varchar to text, numeric with more digits and the same scale).
    /// </summary>
    public static bool PostgresKeepsRows(SqlType? from, SqlType to) => from is not null && (from == to || (from.Kind, to.Kind) switch
    {
        (SqlTypeKind.String, SqlTypeKind.String) => to.Length >= from.Length,
        (SqlTypeKind.String or SqlTypeKind.Text, SqlTypeKind.Text) => true,
        (SqlTypeKind.Numeric, SqlTypeKind.Numeric) => to.Precision is null || (from.Precision is not null && to.Precision >= from.Precision && to.Scale == from.Scale),
        (SqlTypeKind.Binary, SqlTypeKind.Binary) => to.Length is null || to.Length >= from.Length,
        _ => false,
    });

    /// <summary>
    /// Whether MySQL and MariaDB change the type in place (INSTANT or INPLACE, LOCK=NONE): only a longer varchar whose length
    /// prefix stays one byte (up to 63 characters in utf8mb4) or was two bytes already.
    /// </summary>
    public static bool MySqlInPlace(SqlType? from, SqlType to) => from is not null && (from == to || (from.Kind, to.Kind) switch
    {
        (SqlTypeKind.String, SqlTypeKind.String) => to.Length >= from.Length && (to.Length <= OneBytePrefix || from.Length > OneBytePrefix),
        _ => false,
    });

    // utf8mb4 spends up to 4 bytes a character, and a length over 255 bytes needs a second length byte.
    private const int OneBytePrefix = 63;

    private static int Longest(SqlType type) => type.Kind == SqlTypeKind.Text || type.Length is null ? int.MaxValue : type.Length.Value;

    private static TypeChangeKind Digits(SqlType to, SqlType from)
    {
        if (to.Precision is null)
            return TypeChangeKind.Widening;
        if (from.Precision is null)
            return TypeChangeKind.Narrowing;
        var wholeDigitsKept = to.Precision - (to.Scale ?? 0) >= from.Precision - (from.Scale ?? 0);
        return wholeDigitsKept && (to.Scale ?? 0) >= (from.Scale ?? 0) ? TypeChangeKind.Widening : TypeChangeKind.Narrowing;
    }

    private static int IntegerDigits(SqlTypeKind kind) => kind switch
    {
        SqlTypeKind.SmallInteger => 5,
        SqlTypeKind.Integer => 10,
        _ => 19,
    };
}
