using Microsoft.CodeAnalysis;

namespace Retort.Scripting.Internal.Roslyn;

/// <summary>
/// Finds the revision classes and the environment class among a compilation's symbols, so that the
/// attribute is read as the compiler binds it (aliases, qualified names, constants all work).
/// </summary>
internal static class ScriptIndexBuilder
{
    /// <summary>The index of <paramref name="compilation"/>; problems with revision classes go to <paramref name="errors"/>.</summary>
    public static ScriptIndex Build(Compilation compilation, ScriptErrors errors, IReadOnlyList<ScriptSource> sources)
    {
        var revisionAttribute = compilation.GetTypeByMetadataName(typeof(RevisionAttribute).FullName!);
        var migration = compilation.GetTypeByMetadataName(typeof(Migration).FullName!);
        var revisions = new Dictionary<string, string>(StringComparer.Ordinal);
        var withoutConstructor = new HashSet<string>(StringComparer.Ordinal);
        var recordable = new HashSet<string>(StringComparer.Ordinal);
        var refusals = new Dictionary<string, string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, INamedTypeSymbol>(StringComparer.Ordinal);
        var environments = new List<INamedTypeSymbol>();
        // Source order, so that "the first" of two duplicates is the one earlier in file order.
        var types = AllTypes(compilation.Assembly.GlobalNamespace)
            .OrderBy(t => t.Locations[0].SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(t => t.Locations[0].SourceSpan.Start)
            .ToList();
        var recordableCode = new RecordableCode(types, compilation);
        // Binding attributes is most of the work here and emit needs it anyway: do it on every core.
        Parallel.ForEach(types, type => type.GetAttributes());
        foreach (var type in types)
        {
            if (type.TypeKind == TypeKind.Class && type.MetadataName == ScriptSettings.EnvironmentClassName && !type.IsStatic)
            {
                environments.Add(type);
            }
            var attribute = type.GetAttributes().FirstOrDefault(a =>
                SymbolEqualityComparer.Default.Equals(a.AttributeClass, revisionAttribute));
            if (attribute is null || attribute.ConstructorArguments is not [{ Value: string id }])
            {
                continue; // no [Revision], or one the compiler reports as an error anyway
            }
            var location = type.Locations.FirstOrDefault() ?? Location.None;
            if (!IsCreatableMigration(type, migration))
            {
                errors.Add(location, "RTS0001",
                    $"revision '{id}': class '{type.Name}' must be a non-abstract, non-generic class deriving from " +
                    "Retort.Migration with a parameterless constructor");
            }
            else if (owners.TryGetValue(id, out var first))
            {
                errors.Add(location, "RTS0002",
                    $"revision id '{id}' is used by both '{first.Name}' and '{type.Name}'");
            }
            else
            {
                owners.Add(id, type);
                revisions.Add(id, MetadataName(type));
                if (NeedsNoConstructor(type, migration))
                    withoutConstructor.Add(id);
                if (recordableCode.Refusal(type, migration) is { } refusal)
                    refusals.Add(id, refusal);
                else
                    recordable.Add(id);
            }
        }
        foreach (var extra in environments.Skip(1))
        {
            errors.Add(extra.Locations.FirstOrDefault() ?? Location.None, "RTS0003",
                $"more than one class named '{ScriptSettings.EnvironmentClassName}'; keep one");
        }
        // Top-level classes by the file that declares them, so that callers can tell model classes from revisions.
        var keys = sources.ToDictionary(s => s.FullPath, s => s.KeyPath, StringComparer.Ordinal);
        var typesBySource = types
            .Where(t => t.ContainingType is null && t.TypeKind == TypeKind.Class && t.Locations[0].SourceTree?.FilePath is { } path && keys.ContainsKey(path))
            .GroupBy(t => keys[t.Locations[0].SourceTree!.FilePath], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(MetadataName).ToList(), StringComparer.Ordinal);
        return new ScriptIndex(revisions, environments.Count == 1 ? MetadataName(environments[0]) : null, typesBySource, withoutConstructor, recordable, refusals);
    }

    // No declared constructor and no instance field (so no initializer) on the way down to Migration: constructing
    // such a class runs nothing but Migration's own empty constructor.
    private static bool NeedsNoConstructor(INamedTypeSymbol type, INamedTypeSymbol? migration)
    {
        for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current, migration); current = current.BaseType)
        {
            if (current.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared)
                || current.GetMembers().OfType<IFieldSymbol>().Any(f => !f.IsStatic && !f.IsConst))
                return false;
        }
        return true;
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol root)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>([root]);
        while (pending.TryPop(out var container))
        {
            foreach (var type in container.GetTypeMembers())
            {
                yield return type;
                pending.Push(type);
            }
            if (container is INamespaceSymbol ns)
            {
                foreach (var child in ns.GetNamespaceMembers())
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static bool IsCreatableMigration(INamedTypeSymbol type, INamedTypeSymbol? migration)
    {
        if (type.IsAbstract || type.TypeKind != TypeKind.Class)
        {
            return false;
        }
        for (var container = type; container is not null; container = container.ContainingType)
        {
            if (container.Arity > 0)
            {
                return false;
            }
        }
        if (!type.InstanceConstructors.Any(c => c.Parameters.IsEmpty))
        {
            return false;
        }
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(baseType, migration))
            {
                return true;
            }
        }
        return false;
    }

    // The name Assembly.GetType understands: namespace dotted, nested types joined with '+'.
    private static string MetadataName(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        var outermost = type;
        while (outermost.ContainingType is { } outer)
        {
            name = outer.MetadataName + "+" + name;
            outermost = outer;
        }
        for (var ns = outermost.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            name = ns.MetadataName + "." + name;
        }
        return name;
    }
}
