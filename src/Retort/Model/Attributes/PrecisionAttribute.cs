namespace Retort;

/// <summary>
/// The precision (total digits) and scale (digits after the point) of a <c>decimal</c> property's numeric column;
/// without it a decimal is <c>numeric(18, 2)</c>.
/// </summary>
/// <example><code>[Precision(10, 2)] public decimal Price { get; set; }</code></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class PrecisionAttribute : Attribute
{
    /// <summary>A numeric of <paramref name="precision"/> digits, <paramref name="scale"/> of them after the point.</summary>
    public PrecisionAttribute(int precision, int scale)
    {
        Precision = precision;
        Scale = scale;
    }

    /// <summary>A whole numeric of <paramref name="precision"/> digits (scale 0).</summary>
    public PrecisionAttribute(int precision) : this(precision, 0) { }

    /// <summary>Total digits.</summary>
    public int Precision { get; }

    /// <summary>Digits after the point.</summary>
    public int Scale { get; }
}
