namespace Retort.Scripting.Internal;

/// <summary>
/// How revision files are compiled, as plain data: the Roslyn side turns these into options, and the
/// cache key hashes <see cref="Fingerprint"/>, so changing a setting here invalidates every cached assembly.
/// </summary>
internal static class ScriptSettings
{
    /// <summary>Bumped whenever the cache layout or the embedded index format changes.</summary>
    public const int FormatVersion = 5;

    /// <summary>The namespaces the .NET SDK imports implicitly for a console project, minus System.Net.Http.</summary>
    public static IReadOnlyList<string> ImplicitUsings { get; } =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Threading", "System.Threading.Tasks"];

    /// <summary>The manifest resource that lists the revisions and the environment class of a compiled assembly.</summary>
    public const string IndexResourceName = "Retort.Scripting.Index";

    /// <summary>The simple name of the class that plays the environment's part, when the sources have one.</summary>
    public const string EnvironmentClassName = "Env";

    /// <summary>How many compiled assemblies a cache folder keeps; older ones are deleted after each compile.</summary>
    public const int CacheEntriesKept = 5;

    /// <summary>Everything above and the fixed compiler options, as one string for the cache key.</summary>
    public static string Fingerprint { get; } =
        $"format={FormatVersion};lang=latest;optimize=release;nullable=enable;deterministic;pdb=embedded;stackguard=1;" +
        $"index={IndexResourceName};env={EnvironmentClassName};usings={string.Join(',', ImplicitUsings)}";
}
