using System.Reflection;

namespace Retort.Model;

/// <summary>
/// A member's attributes, read once: reflection creates attribute instances on every call, and a model of a thousand
/// tables asks about each property a dozen times.
/// </summary>
internal sealed class MemberAttributes
{
    private readonly Attribute[] _attributes;

    private MemberAttributes(Attribute[] attributes) => _attributes = attributes;

    /// <summary>The attributes of <paramref name="member"/>, with <paramref name="inherit"/> those of the members it
    /// overrides or the classes it derives from.</summary>
    public static MemberAttributes Of(MemberInfo member, bool inherit = true) => new(Attribute.GetCustomAttributes(member, inherit));

    public T? Get<T>() where T : Attribute
    {
        foreach (var attribute in _attributes)
        {
            if (attribute is T found)
                return found;
        }
        return null;
    }

    public IEnumerable<T> All<T>() where T : Attribute => _attributes.OfType<T>();

    public bool Has<T>() where T : Attribute => Get<T>() is not null;

    public bool Has(Type attributeType) => _attributes.Any(attributeType.IsInstanceOfType);
}
