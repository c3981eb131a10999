namespace Retort;

/// <summary>The comment of a class's table or a property's column, for autogenerate.</summary>
/// <example><code>[Table("order_items"), Comment("One line of an order")] public class OrderItem { ... }</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class CommentAttribute(string text) : Attribute
{
    /// <summary>The comment.</summary>
    public string Text { get; } = text;
}
