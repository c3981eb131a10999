namespace Retort;

/// <summary>
/// Earlier database names of a property's column or a class's table, as they were written in the database (not
/// C# names): autogenerate renames a live column or table of such a name instead of dropping it and adding a new
/// one. Harmless once the rename is applied; remove it when no database has the old name any more.
/// </summary>
/// <example><code>[Column("note"), RenamedFrom("comment")] public string? Note { get; set; }</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class RenamedFromAttribute(params string[] names) : Attribute
{
    /// <summary>The earlier names, most recent first.</summary>
    public IReadOnlyList<string> Names { get; } = names;
}
