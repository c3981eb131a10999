using Retort.Configuration;

namespace Retort.Revisions;

/// <summary>
/// A project's revision files: the headers read from every version location, and the graph they make.
/// </summary>
public sealed class ScriptDirectory
{
    private readonly IReadOnlyDictionary<string, HeaderCache.Entry> _entries;

    private ScriptDirectory(RetortConfig config, IReadOnlyList<RevisionHeader> headers, IReadOnlyList<string> files,
        IReadOnlyDictionary<string, HeaderCache.Entry> entries)
    {
        _entries = entries;
        Config = config;
        Headers = headers;
        Files = files;
        Map = new RevisionMap(headers);
    }

    private ScriptDirectory(ScriptDirectory shared, RetortConfig config)
    {
        _entries = shared._entries;
        Config = config;
        Headers = shared.Headers;
        Files = shared.Files;
        Map = shared.Map;
    }

    /// <summary>
    /// The same revisions under the settings of another database of the project (a fleet's target): the headers, files
    /// and graph are shared, not read again.
    /// </summary>
    internal ScriptDirectory For(RetortConfig config) => new(this, config);

    /// <summary>The project's settings.</summary>
    public RetortConfig Config { get; }

    /// <summary>The revision headers, in file order (version locations in order, files sorted by name).</summary>
    public IReadOnlyList<RevisionHeader> Headers { get; }

    /// <summary>Every C# file in the version locations, revisions or not (all are compiled together).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The revision graph.</summary>
    public RevisionMap Map { get; }

    /// <summary>Reads every revision file's header (no compiling) and builds the graph.</summary>
    public static ScriptDirectory Load(RetortConfig config)
    {
        if (!Directory.Exists(config.ScriptLocation))
            throw new RetortException($"Script location {config.ScriptLocation} does not exist; run 'retort init' to create it, or fix 'scriptLocation' in {config.FilePath ?? "the config"}");
        var files = new List<ScriptFile>();
        foreach (var location in config.VersionLocations.Distinct())
        {
            if (!Directory.Exists(location))
                continue;
            var found = ScriptFile.In(location, config.RecursiveVersionLocations);
            found.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
            files.AddRange(found);
        }
        var cache = HeaderCache.Read(config.CacheDirectory);
        var entries = new HeaderCache.Entry[files.Count];
        var changed = new List<int>();
        for (var i = 0; i < files.Count; i++)
        {
            if (cache.TryGet(files[i].FullName, files[i].Length, files[i].Ticks, out var known))
                entries[i] = known;
            else
                changed.Add(i);
        }
        ReadChanged(files, changed, entries);
        var byPath = new Dictionary<string, HeaderCache.Entry>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
            byPath[files[i].FullName] = entries[i];
        if (changed.Count > 0 || cache.Count != files.Count)
            HeaderCache.Write(config.CacheDirectory, byPath);
        return new ScriptDirectory(config, entries.Select(e => e.Header).OfType<RevisionHeader>().ToList(),
            files.Select(f => f.FullName).ToList(), byPath);
    }

    /// <summary>
    /// The revisions of migrations compiled into <paramref name="assemblies"/> (an application's own build of its
    /// revision files), read from their <see cref="RevisionAttribute"/>s; there are no files to list or checksum.
    /// </summary>
    public static ScriptDirectory FromAssemblies(RetortConfig config, IEnumerable<System.Reflection.Assembly> assemblies) =>
        new(config, AssemblyRevisions.Headers(assemblies), [], new Dictionary<string, HeaderCache.Entry>());

    /// <summary>
    /// The revisions as a change not yet made would leave them (a squash proving itself before it touches the folder):
    /// the headers and files given, nothing read from the version locations.
    /// </summary>
    internal static ScriptDirectory Of(RetortConfig config, IReadOnlyList<RevisionHeader> headers, IReadOnlyList<string> files) =>
        new(config, headers, files, new Dictionary<string, HeaderCache.Entry>());

    /// <summary>Reads the files the cache does not know (all of them, the first time).</summary>
    private static void ReadChanged(List<ScriptFile> files, List<int> changed, HeaderCache.Entry[] entries)
    {
        void ReadOne(int i)
        {
            var file = files[i];
            var bytes = File.ReadAllBytes(file.FullName);
            var bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            var header = RevisionFileReader.Parse(Utf8(bytes, bom, file.FullName), file.FullName);
            entries[i] = new HeaderCache.Entry(file.Length, file.Ticks, header, ScriptChecksum.Version1(bytes));
        }
        // Thousands of small files: reading them on every core is the difference that matters at 5000.
        if (changed.Count <= 64)
        {
            changed.ForEach(ReadOne);
            return;
        }
        try
        {
            Parallel.ForEach(changed, ReadOne);
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<RetortException>().Any())
        {
            // Report the first bad file in file order, as the sequential read would.
            throw e.InnerExceptions.OfType<RetortException>().OrderBy(x => x.Message, StringComparer.Ordinal).First();
        }
    }

    // Strict: a file saved in Latin-1 or UTF-16 would otherwise read as garbled text and fail far from its cause.
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string Utf8(byte[] bytes, int start, string path)
    {
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            var at = e.BytesUnknown is [var unknown, ..] ? $" (a byte 0x{unknown:X2})" : "";
            throw new RetortException($"{path}: not UTF-8 text{at}; save the file as UTF-8");
        }
    }

    /// <summary>
    /// The <see cref="ScriptChecksum"/> (version 1) of a file in the version locations, as read with the headers;
    /// null for a file outside them.
    /// </summary>
    internal string? ChecksumOf(string path) => _entries.TryGetValue(path, out var entry) ? entry.Checksum : null;

    /// <summary>The size and modification time (UTC ticks) of a file in the version locations as listed, or null for another file.</summary>
    internal (long Length, long Ticks)? Listed(string fullPath) =>
        _entries.TryGetValue(fullPath, out var entry) ? (entry.Length, entry.Ticks) : null;

    /// <summary>The files to compile: Env.cs (when present), every file in the version locations, and the model sources.</summary>
    public IReadOnlyList<string> CompileSources()
    {
        var env = Path.Combine(Config.ScriptLocation, "Env.cs");
        return [.. File.Exists(env) ? [env] : Array.Empty<string>(), .. Files, .. ModelSources().Except(Files)];
    }

    /// <summary>The model source files (<c>model.sources</c> globs, relative to the config's folder).</summary>
    public IReadOnlyList<string> ModelSources() => _modelSources ??= SourceGlobs.Expand(Config.Model.Sources, Config.BaseDirectory);

    private IReadOnlyList<string>? _modelSources;
}
