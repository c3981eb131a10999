using System.Runtime.CompilerServices;
using Retort.Scripting.Internal;
using Retort.Scripting.Internal.Roslyn;

namespace Retort.Scripting;

/// <summary>
/// The compiler for revision files, the environment class and model sources: compiles them with Roslyn
/// into one assembly, caches it on disk by content hash and loads it, so that a second run with the same
/// files compiles nothing and does not even load Roslyn.
/// </summary>
/// <remarks>
/// <para>
/// Sources are compiled as C# (latest), with nullable reference types enabled, optimised and
/// deterministic, with an embedded portable PDB so that stack traces name the revision file and line.
/// The SDK's implicit usings apply (<c>System</c>, <c>System.Collections.Generic</c>, <c>System.IO</c>,
/// <c>System.Linq</c>, <c>System.Threading</c>, <c>System.Threading.Tasks</c>), so a revision file needs
/// only <c>using Retort;</c>. References are the .NET shared framework, the Retort library and the
/// extra references given.
/// </para>
/// <para>
/// Besides C# errors, a compile fails with <c>RTS0001</c> for a <see cref="RevisionAttribute"/> on a class
/// that is not a concrete, non-generic <see cref="Migration"/> with a parameterless constructor,
/// <c>RTS0002</c> for a revision id used twice, and <c>RTS0003</c> for more than one class named <c>Env</c>.
/// </para>
/// <para>
/// The cache key covers the Retort library and compiler builds, the runtime, the compiler settings and
/// each file's path (relative to the cache folder) and content; the folder keeps the few most recently
/// used assemblies and may be shared by concurrent processes.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var scripts = await new ScriptCompiler().CompileAsync(
///     Directory.GetFiles("migrations/versions", "*.cs"), "migrations/.retort", null, ct);
/// scripts.CreateMigration("3f2a9c1b7d4e").Upgrade(op);
/// </code>
/// </example>
public sealed class ScriptCompiler
{
    // Created on the first cache miss only: its type is the one place that touches Roslyn.
    private RoslynScriptEmitter? _emitter;
    private int _compilationCount;

    /// <summary>
    /// The size and modification time (UTC ticks) of source files the caller has just listed, by full path, or null
    /// for a file it does not know: an unchanged project is then recognised without asking the file system again.
    /// </summary>
    public Func<string, (long Length, long Ticks)?>? KnownFiles { get; init; }

    /// <summary>How many times this instance ran Roslyn; lets tests prove that a warm run compiled nothing.</summary>
    internal int CompilationCount => Volatile.Read(ref _compilationCount);

    /// <summary>
    /// Compiles <paramref name="sourcePaths"/>, or loads the assembly cached for their exact content.
    /// </summary>
    /// <param name="sourcePaths">The C# files: revisions, the environment and model sources. Error messages
    /// show each path as given here.</param>
    /// <param name="cacheDirectory">The folder of cached assemblies, created when missing.</param>
    /// <param name="extraReferences">Paths of further assemblies to compile against (model assemblies), or null.</param>
    /// <param name="cancellationToken">Stops reading and compiling.</param>
    /// <returns>The loaded scripts.</returns>
    /// <exception cref="ScriptCompilationException">The sources do not compile.</exception>
    /// <exception cref="RetortException">A source or reference cannot be read.</exception>
    public async Task<CompiledScripts> CompileAsync(
        IReadOnlyList<string> sourcePaths,
        string cacheDirectory,
        IReadOnlyList<string>? extraReferences = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourcePaths);
        ArgumentException.ThrowIfNullOrEmpty(cacheDirectory);
        extraReferences ??= [];
        var cache = new ScriptCache(cacheDirectory);
        // Unchanged files (same paths, sizes and times) name the assembly of their last compile without being read.
        var stamp = extraReferences.Count == 0 ? ScriptStamp.Compute(sourcePaths, cache.Directory, KnownFiles) : null;
        if (stamp is not null && cache.TryReadStamp(stamp) is { } known && LoadCached(cache, known) is { } quick)
        {
            return quick;
        }
        var inputs = ScriptInputs.Read(sourcePaths, extraReferences, cache.Directory, cancellationToken);
        string key = inputs.ComputeKey();
        // Unique per content, because the default load context refuses two assemblies of the same name.
        string assemblyName = "Retort.Scripts." + key[..16];

        if (CompiledScripts.TryReuse(assemblyName) is { } loaded)
        {
            return loaded;
        }
        if (cache.TryRead(key) is { } cached)
        {
            try
            {
                var scripts = CompiledScripts.Load(assemblyName, cached, inputs.References, fromCache: true);
                scripts.ImagePath = cache.PathOf(key);
                cache.Touch(key);
                Remember(cache, stamp, key);
                return scripts;
            }
            catch (BadImageFormatException)
            {
                // A damaged cache file: compile again and overwrite it.
            }
        }

        byte[] image = Emit(assemblyName, inputs, cancellationToken);
        await cache.WriteAsync(key, image, cancellationToken).ConfigureAwait(false);
        Remember(cache, stamp, key);
        cache.Prune(ScriptSettings.CacheEntriesKept);
        var compiled = CompiledScripts.Load(assemblyName, image, inputs.References, fromCache: false);
        compiled.ImagePath = cache.PathOf(key);
        return compiled;
    }

    private static void Remember(ScriptCache cache, string? stamp, string key)
    {
        if (stamp is not null)
        {
            cache.WriteStamp(stamp, key);
        }
    }

    /// <summary>The scripts cached (or already loaded) under <paramref name="key"/>, for sources without extra references.</summary>
    private static CompiledScripts? LoadCached(ScriptCache cache, string key)
    {
        if (key.Length < 16 || key.Any(c => !char.IsAsciiHexDigitLower(c)))
        {
            return null;
        }
        string assemblyName = "Retort.Scripts." + key[..16];
        // The file first: looking for the assembly among those loaded names every one of them, which a CLI run (that
        // never loaded it) would pay for nothing. Load itself finds the loaded one when there is one.
        if (cache.TryRead(key) is not { } image)
        {
            return CompiledScripts.TryReuse(assemblyName);
        }
        try
        {
            var scripts = CompiledScripts.Load(assemblyName, image, [], fromCache: true);
            scripts.ImagePath = cache.PathOf(key);
            cache.Touch(key);
            return scripts;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    // Kept out of line so that JIT-compiling CompileAsync does not load Microsoft.CodeAnalysis.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private byte[] Emit(string assemblyName, ScriptInputs inputs, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _compilationCount);
        _emitter ??= new RoslynScriptEmitter();
        return _emitter.Emit(assemblyName, inputs, cancellationToken);
    }
}
