namespace Retort.Model;

/// <summary>
/// The wanted <see cref="DatabaseSchema"/> read from model classes: the DataAnnotations attributes (<c>[Table]</c>,
/// <c>[Column]</c>, <c>[Key]</c>, <c>[MaxLength]</c>, <c>[StringLength]</c>, <c>[Required]</c>, <c>[ForeignKey]</c>,
/// <c>[DatabaseGenerated]</c>, <c>[NotMapped]</c>), nullable reference types, and Retort's own attributes
/// (<see cref="IndexAttribute"/>, <see cref="UniqueAttribute"/>, <see cref="CheckAttribute"/>,
/// <see cref="ServerDefaultAttribute"/>, <see cref="CommentAttribute"/>, <see cref="OnDeleteAttribute"/>,
/// <see cref="OnUpdateAttribute"/>, <see cref="RenamedFromAttribute"/>, <see cref="PrecisionAttribute"/>).
/// </summary>
/// <remarks>
/// <para>
/// Tables are the given classes that are public, concrete, not generic definitions, not <c>[NotMapped]</c>, not
/// compiler-generated, and not migrations, environments, attributes or delegates. A table's columns are its public
/// properties with a getter and a setter (or a mapping attribute), base classes' first, except <c>[NotMapped]</c>
/// ones and navigation properties (references to, or collections of, other given classes).
/// </para>
/// <para>
/// Keys come only from <c>[Key]</c> (no naming convention); several make a composite key ordered by
/// <c>[Column(Order = n)]</c>. A single <c>short</c>, <c>int</c> or <c>long</c> key is an identity, as in EF Core,
/// unless it has <c>[DatabaseGenerated(None)]</c>, a server default, or is also a foreign key column. Foreign keys
/// come only from <c>[ForeignKey]</c>, not from matching property names.
/// </para>
/// <para>
/// Types: <c>bool</c>; <c>byte</c>/<c>sbyte</c>/<c>short</c> → SmallInteger; <c>ushort</c>/<c>int</c> → Integer;
/// <c>uint</c>/<c>long</c> → BigInteger; <c>ulong</c> → Numeric(20, 0); <c>decimal</c> → Numeric(18, 2) unless
/// <c>[Precision]</c>; <c>double</c>, <c>float</c>; <c>char</c> → Char(1); <c>string</c> → String(n) with
/// <c>[MaxLength]</c>/<c>[StringLength]</c>, else Text; <c>DateTime</c>, <c>DateTimeOffset</c>, <c>DateOnly</c> →
/// Date, <c>TimeOnly</c> → Time, <c>Guid</c>; <c>byte[]</c> → Binary(n); <c>JsonDocument</c>, <c>JsonElement</c>,
/// <c>JsonNode</c> → Json; enums as their underlying integer. <c>[Column(TypeName = ...)]</c> overrides all of
/// these: a portable name (<c>varchar(20)</c>, <c>numeric(10,2)</c>, <c>timestamptz</c>, <c>uuid</c>, …) becomes the
/// generic type, any other stays <see cref="SqlType.Raw"/> as written.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var wanted = SchemaModel.FromTypes(typeof(User).Assembly.GetTypes().Where(t => t.Namespace == "Shop.Models"),
///     new ModelOptions { Naming = NamingConvention.SnakeCase });
/// </code>
/// </example>
public static class SchemaModel
{
    /// <summary>Reads the tables among <paramref name="types"/> into a schema, and the views: classes marked <see cref="ViewAttribute"/>.</summary>
    /// <param name="types">Candidate classes; see the remarks for which become tables. Other types are skipped.</param>
    /// <param name="options">Naming; null for the defaults.</param>
    /// <returns>The wanted schema, tables in the order of <paramref name="types"/>.</returns>
    /// <exception cref="RetortException">A class or property cannot be mapped; the message names it and what to do.</exception>
    public static DatabaseSchema FromTypes(IEnumerable<Type> types, ModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(types);
        return ModelReader.Read(types.Distinct().ToList(), options ?? new ModelOptions());
    }
}
