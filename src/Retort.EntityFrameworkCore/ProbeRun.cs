using System.Globalization;
using System.Text;
using System.Text.Json;
using Retort.Dialects;
using Retort.EntityFrameworkCore.Probe;

namespace Retort.EntityFrameworkCore;

/// <summary>
/// Runs the probe as <c>dotnet ef</c> runs ef.dll: <c>dotnet exec --depsfile App.deps.json --runtimeconfig
/// App.runtimeconfig.json</c>, so the application's own EF Core and provider answer, whatever their version.
/// </summary>
internal static class ProbeRun
{
    /// <summary>Where the probe ships: probe/ beside this assembly.</summary>
    public static string ProbePath => Path.Combine(Path.GetDirectoryName(typeof(ProbeRun).Assembly.Location)!, "probe", "Retort.EntityFrameworkCore.Probe.dll");

    /// <summary>
    /// The environment variables that change what a context builds, whatever the application: the host's environment
    /// (which appsettings.{Environment}.json a host-made context reads) and the host's connection strings (a provider
    /// that reads the server's version, a factory that picks its provider by the string). Their values join the cache key.
    /// </summary>
    public static readonly string[] EnvironmentVariables = ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ConnectionStrings__*"];

    public static async Task<ProbeModel> RunAsync(string assembly, string? context, DialectId dialect, string cache, IReadOnlyList<string> environment,
        CancellationToken cancellationToken)
    {
        var deps = Path.ChangeExtension(assembly, ".deps.json");
        var runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig) || !File.Exists(deps))
            throw new RetortException($"{assembly} has no {Path.GetFileName(File.Exists(deps) ? runtimeConfig : deps)} beside it: Retort runs the DbContext in the application's own dependencies (an executable project has both; a library gets them with <GenerateRuntimeConfigurationFiles>true</GenerateRuntimeConfigurationFiles>)");
        var file = Path.Combine(cache, $"model-{Key(assembly, context, dialect, environment)}.json");
        if (Read(file) is { } cached)
            return cached;
        if (!File.Exists(ProbePath))
            throw new RetortException($"The EF Core probe is missing ({ProbePath}); reinstall Retort");
        Directory.CreateDirectory(cache);
        var temporary = $"{file}.{Environment.ProcessId}.tmp";
        List<string> arguments = ["exec", "--depsfile", deps, "--runtimeconfig", runtimeConfig];
        if (PackagesFolder() is { } packages)
            arguments.AddRange(["--additionalprobingpath", packages]);
        arguments.AddRange([ProbePath, assembly, "--out", temporary]);
        if (context is not null)
            arguments.AddRange(["--context", context]);
        var run = await ChildProcess.DotnetAsync(arguments, Path.GetDirectoryName(assembly)!, cancellationToken);
        var message = run.Error.Trim();
        switch (run.ExitCode)
        {
            case 0:
                break;
            case ProbeExit.ContextNotFound or ProbeExit.TwoContexts or ProbeExit.CannotCreate:
                throw new RetortException(message);
            default:
                throw new RetortException($"Reading the EF Core model of {Path.GetFileName(assembly)} failed: {message}");
        }
        File.Move(temporary, file, overwrite: true);
        return Read(file) ?? throw new RetortException($"The EF Core probe wrote no model to {file}");
    }

    private static ProbeModel? Read(string file)
    {
        try
        {
            return File.Exists(file) && JsonSerializer.Deserialize<ProbeModel>(File.ReadAllText(file)) is { ProbeVersion: ProbeModel.Version } model ? model : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The variables named, a trailing * matching every variable of that prefix, by name; an unset one is absent.
    private static IEnumerable<(string Name, string Value)> Variables(IEnumerable<string> names)
    {
        var all = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, e.Value as string ?? "")).ToList();
        return names.SelectMany(n => n.EndsWith('*')
                ? all.Where(v => v.Item1.StartsWith(n[..^1], StringComparison.Ordinal))
                : all.Where(v => v.Item1 == n))
            .Distinct().OrderBy(v => v.Item1, StringComparer.Ordinal);
    }

    // NuGet's global packages folder, where the deps.json's package assets are.
    private static string? PackagesFolder()
    {
        var folder = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Directory.Exists(folder) ? folder : null;
    }

    // The application's assemblies (every dll and json of its output folder, by size and time; the assembly itself by
    // content), the context, the dialect (a factory may choose its provider by the environment), the probe's version,
    // and the values of the environment variables the model may depend on (hashed with the rest, never stored).
    private static string Key(string assembly, string? context, DialectId dialect, IReadOnlyList<string> environment)
    {
        var text = new StringBuilder($"{ProbeModel.Version}|{context}|{dialect.Name}|{assembly}|");
        foreach (var (name, value) in Variables([.. EnvironmentVariables, .. environment]))
            text.Append(name).Append('=').Append(value).Append('\n');
        text.Append(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(assembly)))).Append('\n');
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(assembly)!).Where(f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            text.Append(info.Name).Append('|').Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return ChildProcess.Hash(text.ToString());
    }
}
