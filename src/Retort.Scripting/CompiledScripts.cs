using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Retort.Scripting.Internal;

namespace Retort.Scripting;

/// <summary>
/// An assembly compiled from revision files (and the environment and model sources), loaded and ready
/// to hand out <see cref="Migration"/> instances by revision id.
/// </summary>
public sealed class CompiledScripts
{
    private readonly ScriptIndex _index;

    // Type definition tokens by metadata name, read from the image: finding a type by token skips parsing its name,
    // which cost more than calling the migration. Null for an assembly this process had loaded already.
    private readonly IReadOnlyDictionary<string, int>? _tokens;

    private CompiledScripts(Assembly assembly, ScriptIndex index, bool fromCache, IReadOnlyDictionary<string, int>? tokens = null)
    {
        Assembly = assembly;
        _index = index;
        _tokens = tokens;
        FromCache = fromCache;
        RevisionIds = new HashSet<string>(index.RevisionTypes.Keys, StringComparer.Ordinal);
    }

    /// <summary>The loaded assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>
    /// The assembly's file in the cache, or null when this process had loaded it already: what <c>retort bundle</c>
    /// puts in a bundle.
    /// </summary>
    public string? ImagePath { get; internal set; }

    /// <summary>True when nothing was compiled: the assembly came from the disk cache or was already loaded.</summary>
    public bool FromCache { get; }

    /// <summary>The id of every class marked with <see cref="RevisionAttribute"/>.</summary>
    public IReadOnlySet<string> RevisionIds { get; }

    /// <summary>
    /// The environment class (a class named <c>Env</c>, in any namespace), or null when the sources have none.
    /// </summary>
    public Type? EnvironmentType =>
        _index.EnvironmentTypeName is { } name ? TypeNamed(name) : null;

    /// <summary>
    /// The top-level classes declared in <paramref name="sourcePaths"/> (paths as given to the compiler with the same
    /// <paramref name="cacheDirectory"/>): the model classes of a project, told apart from its revisions.
    /// </summary>
    public IReadOnlyList<Type> TypesDeclaredIn(IEnumerable<string> sourcePaths, string cacheDirectory)
    {
        var types = new List<Type>();
        foreach (var path in sourcePaths)
        {
            var key = Path.GetRelativePath(Path.GetFullPath(cacheDirectory), Path.GetFullPath(path)).Replace('\\', '/');
            if (_index.TypesBySource.TryGetValue(key, out var names))
                types.AddRange(names.Select(TypeNamed));
        }
        return types;
    }

    /// <summary>The revisions whose instances are made without running a constructor, since theirs would do nothing.</summary>
    internal IReadOnlySet<string> MadeWithoutConstructor => _index.WithoutConstructor;

    /// <summary>The revisions whose code is only <c>op.</c> calls on constant values, which a recording captures whole.</summary>
    internal IReadOnlySet<string> Recordable => _index.Recordable;

    /// <summary>
    /// The revisions whose code is more than <c>op.</c> calls on constant values (a variable, a condition, a data
    /// migration...), ordered by id: while there is one, the project's upgrades and downgrades are not recorded, and the
    /// release CLI's native front leaves them to the managed CLI.
    /// </summary>
    public IReadOnlyList<string> UnrecordedRevisionIds => [.. RevisionIds.Where(id => !_index.Recordable.Contains(id)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Whether the cache folder holds the recording of these revisions (written or found current by
    /// <c>CompiledMigrationSource.CompileAsync</c>), from which the native front runs upgrades and downgrades.
    /// </summary>
    public bool Recorded { get; internal set; }

    /// <summary>
    /// Why revision <paramref name="revisionId"/> is not recorded: where in its file, and the code that is more than an
    /// <c>op.</c> call on constant values ("line 7: `var name = …`"); null for a revision that is.
    /// </summary>
    public string? WhyNotRecorded(string revisionId) => _index.Refusals.GetValueOrDefault(revisionId);

    /// <summary>A new instance of the migration class for <paramref name="revisionId"/> (the full id).</summary>
    /// <exception cref="RetortException">No compiled class carries that revision id.</exception>
    public Migration CreateMigration(string revisionId)
    {
        var type = MigrationType(revisionId);
        // Thousands of revisions in a run: skipping constructors that do nothing saves compiling each one.
        return _index.WithoutConstructor.Contains(revisionId)
            ? (Migration)RuntimeHelpers.GetUninitializedObject(type)
            : (Migration)Activator.CreateInstance(type, nonPublic: true)!;
    }

    /// <summary>The migration class for <paramref name="revisionId"/> (the full id); safe to call from several threads.</summary>
    /// <exception cref="RetortException">No compiled class carries that revision id.</exception>
    public Type MigrationType(string revisionId)
    {
        ArgumentNullException.ThrowIfNull(revisionId);
        return _index.RevisionTypes.TryGetValue(revisionId, out var typeName)
            ? TypeNamed(typeName)
            : throw new RetortException($"no migration class for revision '{revisionId}' in the compiled scripts");
    }

    /// <summary>The scripts assembly named <paramref name="assemblyName"/> if this process loaded it already.</summary>
    internal static CompiledScripts? TryReuse(string assemblyName) =>
        FindLoaded(assemblyName) is { } assembly ? new CompiledScripts(assembly, ReadIndex(assembly), fromCache: true) : null;

    /// <summary>
    /// Loads <paramref name="image"/> into the load context that holds the Retort library (the default
    /// one, unless a host isolates Retort), so that its <see cref="Migration"/> is the caller's.
    /// </summary>
    /// <exception cref="BadImageFormatException">The image is not a valid assembly (a damaged cache file).</exception>
    internal static CompiledScripts Load(
        string assemblyName, byte[] image, IReadOnlyList<ScriptSource> references, bool fromCache)
    {
        LoadReferences(references);
        Assembly assembly;
        try
        {
            using var stream = new MemoryStream(image, writable: false);
            assembly = LoadContext.LoadFromStream(stream);
        }
        catch (FileLoadException) when (FindLoaded(assemblyName) is not null)
        {
            // Another thread of this process loaded the same assembly first.
            assembly = FindLoaded(assemblyName)!;
        }
        return new CompiledScripts(assembly, ReadIndex(assembly), fromCache, TypeTokens(image));
    }

    private Type TypeNamed(string metadataName) =>
        _tokens is not null && _tokens.TryGetValue(metadataName, out var token)
            ? Assembly.ManifestModule.ResolveType(token)
            : Assembly.GetType(metadataName, throwOnError: true)!;

    private static Dictionary<string, int> TypeTokens(byte[] image)
    {
        using var pe = new PEReader(ImmutableCollectionsMarshal.AsImmutableArray(image));
        var metadata = pe.GetMetadataReader();
        var tokens = new Dictionary<string, int>(metadata.TypeDefinitions.Count, StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
            tokens[MetadataName(metadata, handle)] = MetadataTokens.GetToken(handle);
        return tokens;
    }

    // As Type.FullName spells it: Namespace.Outer+Inner.
    private static string MetadataName(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        var name = metadata.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
            return MetadataName(metadata, declaring) + "+" + name;
        return type.Namespace.IsNil ? name : metadata.GetString(type.Namespace) + "." + name;
    }

    private static AssemblyLoadContext LoadContext =>
        AssemblyLoadContext.GetLoadContext(typeof(Migration).Assembly) ?? AssemblyLoadContext.Default;

    private static Assembly? FindLoaded(string assemblyName) =>
        // FullName is cached by the runtime; GetName() would build an AssemblyName for every loaded assembly.
        LoadContext.Assemblies.FirstOrDefault(a =>
            a.FullName is { } name && name.StartsWith(assemblyName, StringComparison.Ordinal) &&
            name.Length > assemblyName.Length && name[assemblyName.Length] == ',');

    private static ScriptIndex ReadIndex(Assembly assembly)
    {
        using var resource = assembly.GetManifestResourceStream(ScriptSettings.IndexResourceName)
            ?? throw new InvalidDataException($"{assembly.GetName().Name} has no {ScriptSettings.IndexResourceName} resource");
        return ScriptIndex.ReadFrom(resource);
    }

    // Model assemblies outside the application's own dependencies cannot be found by name, so load them
    // before the scripts need them, from the bytes already read: a mapped file would be locked on Windows,
    // and rewriting it in place (a build) would crash this process on Linux.
    private static void LoadReferences(IReadOnlyList<ScriptSource> references)
    {
        foreach (var reference in references)
        {
            AssemblyName name;
            using (var pe = new PEReader(new MemoryStream(reference.Content, writable: false)))
            {
                name = pe.GetMetadataReader().GetAssemblyDefinition().GetAssemblyName();
            }
            try
            {
                LoadContext.LoadFromAssemblyName(name);
            }
            catch (FileNotFoundException)
            {
                LoadContext.LoadFromStream(new MemoryStream(reference.Content, writable: false));
            }
        }
    }
}
