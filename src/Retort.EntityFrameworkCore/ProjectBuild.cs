using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Retort.EntityFrameworkCore;

/// <summary>
/// Builds the application's project, unless none of its files (nor those of the projects it references) changed since
/// the last build Retort ran: a warm <c>check</c> then costs no msbuild start (a no-op build still takes seconds).
/// </summary>
internal static class ProjectBuild
{
    // Assets: the project's project.assets.json, whose project libraries are the projects it references, transitively.
    private sealed record Stamp(string Inputs, string Assembly, DateTime AssemblyTime, string? Assets = null);

    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    /// <summary>The project file that <paramref name="path"/> (a project file or its folder) names.</summary>
    public static string ProjectFile(string path)
    {
        if (File.Exists(path))
            return ProjectExtensions.Contains(Path.GetExtension(path)) ? path : throw new RetortException($"efCore.project: {path} is not a project file (.csproj)");
        if (!Directory.Exists(path))
            throw new RetortException($"efCore.project: {path} does not exist");
        var projects = Directory.GetFiles(path).Where(f => ProjectExtensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal).ToList();
        return projects.Count switch
        {
            1 => projects[0],
            0 => throw new RetortException($"efCore.project: no project file in {path}"),
            _ => throw new RetortException($"efCore.project: {path} holds {projects.Count} projects ({string.Join(", ", projects.Select(Path.GetFileName))}); name one"),
        };
    }

    /// <summary>The built assembly of <paramref name="project"/>, built first when its inputs (or those of a project it references) changed.</summary>
    public static async Task<string> BuildAsync(string project, string configuration, string cache, CancellationToken cancellationToken)
    {
        var stampFile = Path.Combine(cache, $"build-{ChildProcess.Hash(project + "|" + configuration)}.json");
        var stamp = Read(stampFile);
        var folders = Folders(project, stamp?.Assets);
        var inputs = Inputs(project, folders);
        if (stamp is not null && stamp.Inputs == inputs && File.Exists(stamp.Assembly) && File.GetLastWriteTimeUtc(stamp.Assembly) == stamp.AssemblyTime)
            return stamp.Assembly;
        var build = await ChildProcess.DotnetAsync(["build", project, "-c", configuration, "--nologo", "-v:q", "-t:Build",
            "-getProperty:TargetPath", "-getProperty:ProjectAssetsFile"], Path.GetDirectoryName(project)!, cancellationToken);
        if (build.ExitCode != 0)
        {
            var errors = (build.Output + "\n" + build.Error).Split('\n').Select(l => l.TrimEnd())
                .Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
            throw new RetortException($"Building {project} failed (dotnet build exited with {build.ExitCode})" +
                string.Concat((errors.Count > 0 ? errors : [build.Error.Trim()]).Select(e => "\n  " + e)));
        }
        var (assembly, assets) = Properties(build.Output);
        if (assembly is null || !File.Exists(assembly))
            throw new RetortException($"Building {project} gave no assembly (TargetPath '{assembly}')");
        // The first build, or one after the references changed: the inputs are those of the projects now referenced.
        var built = Folders(project, assets);
        if (!built.SequenceEqual(folders))
            inputs = Inputs(project, built);
        Directory.CreateDirectory(cache);
        await File.WriteAllTextAsync(stampFile, JsonSerializer.Serialize(new Stamp(inputs, assembly, File.GetLastWriteTimeUtc(assembly), assets)), cancellationToken);
        return assembly;
    }

    // msbuild's answer to two -getProperty switches: {"Properties": {"TargetPath": "…", "ProjectAssetsFile": "…"}},
    // after whatever the build printed.
    private static (string? Assembly, string? Assets) Properties(string output)
    {
        var start = output.IndexOf("{", StringComparison.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(start < 0 ? "{}" : output[start..]);
            if (!json.RootElement.TryGetProperty("Properties", out var properties))
                return (null, null);
            string? Get(string name) => properties.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text ? text : null;
            return (Get("TargetPath"), Get("ProjectAssetsFile"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    // The project's folder and those of the projects it references, transitively, as its last restore recorded them
    // (project.assets.json's libraries of type "project", their paths relative to the project's folder).
    private static List<string> Folders(string project, string? assets)
    {
        var folder = Path.GetDirectoryName(project)!;
        var folders = new SortedSet<string>(StringComparer.Ordinal) { folder };
        if (assets is null || !File.Exists(assets))
            return [.. folders];
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(assets));
            if (json.RootElement.TryGetProperty("libraries", out var libraries))
                foreach (var library in libraries.EnumerateObject())
                    if (library.Value.TryGetProperty("type", out var type) && type.GetString() == "project"
                        && library.Value.TryGetProperty("path", out var path) && path.GetString() is { Length: > 0 } relative)
                        folders.Add(Path.GetDirectoryName(Path.GetFullPath(relative.Replace('\\', '/'), folder))!);
        }
        catch (JsonException)
        {
            // A half-written assets file: the project's own folder, and the next build writes it whole.
        }
        return [.. folders];
    }

    private static Stamp? Read(string file)
    {
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<Stamp>(File.ReadAllText(file)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The files of the project's folder and of its referenced projects' (not bin, obj or dot-folders) and the
    // Directory.*.props/targets and global.json above the project, by path, size and time: what a change to the
    // application's model goes through.
    private static string Inputs(string project, IReadOnlyList<string> folders)
    {
        var files = new SortedSet<string>(folders.SelectMany(Walk), StringComparer.Ordinal);
        for (var up = Directory.GetParent(Path.GetDirectoryName(project)!); up is not null; up = up.Parent)
            files.UnionWith(up.EnumerateFiles().Where(f => f.Name.StartsWith("Directory.", StringComparison.Ordinal) || f.Name == "global.json").Select(f => f.FullName));
        var text = new StringBuilder();
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            text.Append(file).Append('|').Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return ChildProcess.Hash(text.ToString());
    }

    private static IEnumerable<string> Walk(string folder)
    {
        if (!Directory.Exists(folder))
            yield break;
        foreach (var file in Directory.EnumerateFiles(folder))
            yield return file;
        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(child);
            if (name is "bin" or "obj" or "node_modules" || name.StartsWith('.'))
                continue;
            foreach (var file in Walk(child))
                yield return file;
        }
    }
}
