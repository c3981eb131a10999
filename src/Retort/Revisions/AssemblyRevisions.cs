using System.Reflection;

namespace Retort.Revisions;

/// <summary>
/// The revision headers of migrations compiled into assemblies: each concrete <see cref="Migration"/> class with a
/// <see cref="RevisionAttribute"/>, read from the attribute instead of the file.
/// </summary>
internal static class AssemblyRevisions
{
    /// <summary>The headers, ordered by id so the graph does not depend on the order the runtime lists types in.</summary>
    public static IReadOnlyList<RevisionHeader> Headers(IEnumerable<Assembly> assemblies) =>
        [.. Classes(assemblies).Select(c => Header(c.Type, c.Attribute)).OrderBy(h => h.Id, StringComparer.Ordinal)];

    /// <summary>Every revision class in <paramref name="assemblies"/> with its attribute.</summary>
    public static IEnumerable<(Type Type, RevisionAttribute Attribute)> Classes(IEnumerable<Assembly> assemblies) =>
        from assembly in assemblies
        from type in Types(assembly)
        where type is { IsClass: true, IsAbstract: false } && typeof(Migration).IsAssignableFrom(type)
        let attribute = type.GetCustomAttribute<RevisionAttribute>()
        where attribute is not null
        select (type, attribute);

    private static Type[] Types(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new RetortException($"Cannot read the revisions in {assembly.GetName().Name}: {e.LoaderExceptions.FirstOrDefault()?.Message ?? e.Message}");
        }
    }

    // The message a revision file carries in its doc comment is not compiled; the class name says the same in words.
    private static RevisionHeader Header(Type type, RevisionAttribute attribute) =>
        new(attribute.Id, Strings(attribute.Revises, type, "Revises"), Strings(attribute.BranchLabels, type, "BranchLabels"),
            Strings(attribute.DependsOn, type, "DependsOn"), attribute.CreateDate, type.Name, ClassName: type.FullName,
            Phase: Enum.IsDefined(attribute.Phase) ? attribute.Phase
                : throw new RetortException($"[Revision] on {type.FullName}: Phase must be MigrationPhase.PreDeploy or MigrationPhase.PostDeploy, not {(int)attribute.Phase}"))
        {
            Replaces = Strings(attribute.Replaces, type, "Replaces"),
        };

    private static IReadOnlyList<string> Strings(object? value, Type type, string property) => value switch
    {
        null => [],
        string one => [one],
        string[] many => many,
        _ => throw new RetortException($"[Revision] on {type.FullName}: {property} must be a string or an array of strings, not {value.GetType().Name}"),
    };
}
