namespace Retort.Dialects;

/// <summary>Type spellings shared by the dialects' type maps.</summary>
internal static class SqlTypeNames
{
    /// <summary><c>WORD</c>, <c>WORD(p)</c> or <c>WORD(p, s)</c> for a numeric type.</summary>
    public static string Numeric(string word, SqlType type) =>
        type.Precision is null ? word : type.Scale is null ? $"{word}({type.Precision})" : $"{word}({type.Precision}, {type.Scale})";
}
