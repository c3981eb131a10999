using Retort.Configuration;

namespace Retort.Revisions;

/// <summary>
/// A project's revision files: the headers read from every version location, and the graph they make.
/// </summary>
public sealed class ScriptDirectory
{
    private ScriptDirectory(RetortConfig config, IReadOnlyList<RevisionHeader> headers, IReadOnlyList<string> files)
    {
        Config = config;
        Headers = headers;
        Files = files;
        Map = new RevisionMap(headers);
    }

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
        var files = new List<string>();
        foreach (var location in config.VersionLocations.Distinct())
        {
            if (!Directory.Exists(location))
                continue;
            var option = config.RecursiveVersionLocations ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
            var found = Directory.GetFiles(location, "*.cs", option);
            Array.Sort(found, StringComparer.Ordinal);
            files.AddRange(found.Where(f => !Path.GetFileName(f).StartsWith(".#", StringComparison.Ordinal)));
        }
        var headers = new RevisionHeader?[files.Count];
        // Thousands of small files: reading them on every core is the difference that matters at 5000.
        if (files.Count > 256)
        {
            try
            {
                Parallel.For(0, files.Count, i => headers[i] = RevisionFileReader.Read(files[i]));
            }
            catch (AggregateException e) when (e.InnerExceptions.OfType<RetortException>().Any())
            {
                // Report the first bad file in file order, as the sequential read would.
                throw e.InnerExceptions.OfType<RetortException>().OrderBy(x => x.Message, StringComparer.Ordinal).First();
            }
        }
        else
            for (var i = 0; i < files.Count; i++)
                headers[i] = RevisionFileReader.Read(files[i]);
        return new ScriptDirectory(config, headers.OfType<RevisionHeader>().ToList(), files);
    }

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
