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

    /// <summary>
    /// The class of <paramref name="revision"/>'s migration, or null when the source does not say. The runner uses it to
    /// compile the migrations of a long run on a second thread ahead of their turn; it creates instances only with
    /// <see cref="Create"/>.
    /// </summary>
    public virtual Type? TypeOf(Revision revision) => null;

    /// <summary>The model classes autogenerate compares the database with (none unless the source knows them).</summary>
    public virtual IReadOnlyList<Type> ModelTypes => [];

    /// <summary>
    /// The wanted schema when the source reads it from elsewhere than model classes (an EF Core DbContext, through the
    /// Retort.EntityFrameworkCore package), else null; autogenerate then uses it instead of <see cref="ModelTypes"/>.
    /// </summary>
    public virtual Task<DatabaseSchema?> ModelSchemaAsync(CancellationToken cancellationToken) => Task.FromResult<DatabaseSchema?>(null);

    /// <summary>The project's environment (its <c>Env</c> class), or null when it has none.</summary>
    public virtual MigrationEnvironment? CreateEnvironment() => null;

    /// <summary>The migrations compiled into an assembly: every class with a <see cref="RevisionAttribute"/>.</summary>
    public static MigrationSource FromAssembly(Assembly assembly) => new AssemblyMigrationSource([assembly]);

    /// <summary>The migrations compiled into several assemblies.</summary>
    public static MigrationSource FromAssemblies(IReadOnlyList<Assembly> assemblies) => new AssemblyMigrationSource(assemblies);

    private sealed class AssemblyMigrationSource(IReadOnlyList<Assembly> assemblies) : MigrationSource
    {
        // Duplicate ids are reported by the revision graph, which is built from the same classes first.
        private readonly Lazy<Dictionary<string, Type>> _types = new(() => AssemblyRevisions.Classes(assemblies)
            .DistinctBy(c => c.Attribute.Id, StringComparer.Ordinal)
            .ToDictionary(c => c.Attribute.Id, c => c.Type, StringComparer.Ordinal));

        public override Migration Create(Revision revision) =>
            TypeOf(revision) is { } type
                ? (Migration)Activator.CreateInstance(type, nonPublic: true)!
                : throw new RetortException($"Revision {revision.Id} has no migration class in {string.Join(", ", assemblies.Select(a => a.GetName().Name))}");

        public override Type? TypeOf(Revision revision) => _types.Value.GetValueOrDefault(revision.Id);
    }
}

/// <summary>Provides the code of a project's revisions, e.g. by compiling them.</summary>
public delegate Task<MigrationSource> MigrationLoader(ScriptDirectory scripts, CancellationToken cancellationToken);
