using System.Reflection;
using Retort.Revisions;

namespace Retort;

/// <summary>
/// Where the code of each revision comes from: the CLI's compiled scripts, or an application's own assembly
/// (<see cref="FromAssembly"/>).
/// </summary>
public abstract class MigrationSource
{
    /// <summary>A new instance of the migration class of <paramref name="revision"/>.</summary>
    public abstract Migration Create(Revision revision);

    /// <summary>The model classes autogenerate compares the database with (none unless the source knows them).</summary>
    public virtual IReadOnlyList<Type> ModelTypes => [];

    /// <summary>The project's environment (its <c>Env</c> class), or null when it has none.</summary>
    public virtual MigrationEnvironment? CreateEnvironment() => null;

    /// <summary>The migrations compiled into an assembly: every class with a <see cref="RevisionAttribute"/>.</summary>
    public static MigrationSource FromAssembly(Assembly assembly) => new AssemblyMigrationSource(assembly);

    private sealed class AssemblyMigrationSource(Assembly assembly) : MigrationSource
    {
        private readonly Lazy<Dictionary<string, Type>> _types = new(() => assembly.GetTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<RevisionAttribute>()))
            .Where(p => p.Attribute is not null && typeof(Migration).IsAssignableFrom(p.Type))
            .ToDictionary(p => p.Attribute!.Id, p => p.Type, StringComparer.Ordinal));

        public override Migration Create(Revision revision) =>
            _types.Value.TryGetValue(revision.Id, out var type)
                ? (Migration)Activator.CreateInstance(type)!
                : throw new RetortException($"Revision {revision.Id} has no migration class in {assembly.GetName().Name}");
    }
}
