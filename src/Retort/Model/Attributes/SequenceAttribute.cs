namespace Retort;

/// <summary>
/// A sequence of the model, which autogenerate creates, changes and drops as it does one declared with
/// <c>SchemaBuilder.Sequence</c>. It goes on any model class (the table whose numbers it gives, say); a class with no
/// properties that carries only sequences declares no table. Bounds not given are the database's defaults.
/// </summary>
/// <example><code>
/// [Sequence("order_numbers", Start = 1000, Increment = 5)]
/// public class Order { public int Id { get; set; } }
/// </code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SequenceAttribute(string name) : Attribute
{
    private long? _min;
    private long? _max;

    /// <summary>The sequence's name.</summary>
    public string Name { get; } = name;

    /// <summary>The first value it gives (1 unless said).</summary>
    public long Start { get; set; } = 1;

    /// <summary>The step between values (1 unless said; negative for a descending sequence).</summary>
    public long Increment { get; set; } = 1;

    /// <summary>The smallest value; the database's default unless set.</summary>
    public long MinValue { get => _min ?? 0; set => _min = value; }

    /// <summary>The largest value; the database's default unless set.</summary>
    public long MaxValue { get => _max ?? 0; set => _max = value; }

    /// <summary>Whether it starts over past its last value.</summary>
    public bool Cycle { get; set; }

    /// <summary>Its values' CLR type (<c>typeof(int)</c> for <c>AS integer</c>); null for the database's default, bigint.</summary>
    public Type? ClrType { get; set; }

    /// <summary>Its schema, or null for the database's default one.</summary>
    public string? Schema { get; set; }

    internal long? Min => _min;

    internal long? Max => _max;
}
