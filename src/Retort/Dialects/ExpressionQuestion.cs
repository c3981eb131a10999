namespace Retort.Dialects;

/// <summary>The kinds of SQL expression a database rewrites when it stores them.</summary>
internal enum ExpressionKind
{
    /// <summary>A check constraint's condition.</summary>
    Check,
    /// <summary>A partial index's condition.</summary>
    IndexPredicate,
    /// <summary>An expression an index is built on.</summary>
    IndexExpression,
    /// <summary>A column's server default (<see cref="ExpressionQuestion.Column"/> names the column).</summary>
    Default,
    /// <summary>A view's query.</summary>
    View,
    /// <summary>A computed column's expression (<see cref="ExpressionQuestion.Column"/> names the column, <see cref="ExpressionQuestion.Type"/> gives its type).</summary>
    Computed,
}

/// <summary>
/// One expression of the model, on a table (or the view itself), whose form after the database stored it is wanted:
/// text rules cannot tell that PostgreSQL's <c>(status)::text = ANY (ARRAY[…])</c> is the model's <c>status IN (…)</c>,
/// but the database can, by storing the model's text the same way.
/// </summary>
internal sealed record ExpressionQuestion(TableName Table, ExpressionKind Kind, string Text, string? Column = null, string? Type = null);
