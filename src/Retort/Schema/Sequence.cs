using Retort.Schema;

namespace Retort;

/// <summary>
/// A sequence: a named counter that <c>nextval</c> (PostgreSQL), <c>NEXT VALUE FOR</c> (SQL Server, MariaDB) draws
/// numbers from. A null <see cref="MinValue"/>, <see cref="MaxValue"/> or <see cref="Type"/> is the database's default
/// (for an ascending sequence: 1, the type's largest value, bigint). SQLite has no sequences.
/// </summary>
/// <example><code>new Sequence("order_numbers", start: 1000, increment: 5)</code></example>
public sealed record Sequence
{
    /// <summary>Describes a sequence.</summary>
    /// <param name="name">The sequence's name.</param>
    /// <param name="start">The first value it gives.</param>
    /// <param name="increment">The step between values; negative for a descending sequence.</param>
    /// <param name="minValue">The smallest value, or null for the database's default.</param>
    /// <param name="maxValue">The largest value, or null for the database's default.</param>
    /// <param name="cycle">Whether it starts over past its last value rather than fail.</param>
    /// <param name="type">Its integer type (<see cref="SqlType.Integer"/>, …) where the database has one; null for bigint.</param>
    /// <param name="schema">Its schema, or null for the database's default one.</param>
    public Sequence(string name, long start = 1, long increment = 1, long? minValue = null, long? maxValue = null, bool cycle = false,
        SqlType? type = null, string? schema = null)
    {
        Name = new TableName(Names.Required(name, "sequence"), schema);
        Start = start;
        Increment = increment != 0 ? increment : throw new ArgumentException($"Sequence {name} needs a non-zero increment");
        MinValue = minValue;
        MaxValue = maxValue;
        Cycle = cycle;
        Type = type;
    }

    /// <summary>The sequence's name and schema.</summary>
    public TableName Name { get; init; }

    /// <summary>The first value it gives.</summary>
    public long Start { get; init; }

    /// <summary>The step between values.</summary>
    public long Increment { get; init; }

    /// <summary>The smallest value, or null for the database's default.</summary>
    public long? MinValue { get; init; }

    /// <summary>The largest value, or null for the database's default.</summary>
    public long? MaxValue { get; init; }

    /// <summary>Whether it starts over past its last value.</summary>
    public bool Cycle { get; init; }

    /// <summary>Its integer type, or null for the database's default (bigint).</summary>
    public SqlType? Type { get; init; }
}
