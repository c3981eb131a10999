namespace Retort.Dialects;

/// <summary>
/// One statement to run or write. Online, <see cref="Parameters"/> go to the database as parameters
/// named <c>@p0</c>, <c>@p1</c>, …; offline the dialect renders them as literals instead.
/// </summary>
/// <param name="Sql">The text, with parameter placeholders when <paramref name="Parameters"/> is given.</param>
/// <param name="Parameters">The values of <c>@p0</c>, <c>@p1</c>, … for an online run.</param>
/// <param name="OfflineSql">The same statement with the values as literals, for scripts.</param>
public sealed record SqlStatement(string Sql, IReadOnlyList<object?>? Parameters = null, string? OfflineSql = null)
{
    /// <summary>The text a script gets.</summary>
    public string ScriptText => OfflineSql ?? Sql;

    /// <inheritdoc />
    public override string ToString() => Sql;
}
