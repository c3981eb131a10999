using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Retort.EntityFrameworkCore;

/// <summary>
/// Builds the application's project, unless none of its files changed since the last build Retort ran: a warm
/// <c>check</c> then costs no msbuild start (a no-op build still takes seconds).
/// </summary>
internal static class ProjectBuild
{
    private sealed record Stamp(string Inputs, string Assembly, DateTime AssemblyTime);

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

    /// <summary>The built assembly of <paramref name="project"/>, built first when its inputs changed.</summary>
    public static async Task<string> BuildAsync(string project, string configuration, string cache, CancellationToken cancellationToken)
    {
        var stampFile = Path.Combine(cache, $"build-{ChildProcess.Hash(project + "|" + configuration)}.json");
        var inputs = Inputs(project);
        if (Read(stampFile) is { } stamp && stamp.Inputs == inputs && File.Exists(stamp.Assembly) && File.GetLastWriteTimeUtc(stamp.Assembly) == stamp.AssemblyTime)
            return stamp.Assembly;
        var build = await ChildProcess.DotnetAsync(["build", project, "-c", configuration, "--nologo", "-v:q", "-t:Build", "-getProperty:TargetPath"],
            Path.GetDirectoryName(project)!, cancellationToken);
        if (build.ExitCode != 0)
        {
            var errors = (build.Output + "\n" + build.Error).Split('\n').Select(l => l.TrimEnd())
                .Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
            throw new RetortException($"Building {project} failed (dotnet build exited with {build.ExitCode})" +
                string.Concat((errors.Count > 0 ? errors : [build.Error.Trim()]).Select(e => "\n  " + e)));
        }
        var assembly = build.Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);
        if (assembly is null || !File.Exists(assembly))
            throw new RetortException($"Building {project} gave no assembly (TargetPath '{assembly}')");
        Directory.CreateDirectory(cache);
        await File.WriteAllTextAsync(stampFile, JsonSerializer.Serialize(new Stamp(inputs, assembly, File.GetLastWriteTimeUtc(assembly))), cancellationToken);
        return assembly;
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

    // The project folder's files (not bin, obj or dot-folders) and the Directory.*.props/targets and global.json above
    // it, by path, size and time: what a change to the application's model goes through.
    private static string Inputs(string project)
    {
        var folder = Path.GetDirectoryName(project)!;
        var files = Walk(folder).ToList();
        for (var up = Directory.GetParent(folder); up is not null; up = up.Parent)
            files.AddRange(up.EnumerateFiles().Where(f => f.Name.StartsWith("Directory.", StringComparison.Ordinal) || f.Name == "global.json").Select(f => f.FullName));
        var text = new StringBuilder();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            text.Append(file).Append('|').Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return ChildProcess.Hash(text.ToString());
    }

    private static IEnumerable<string> Walk(string folder)
    {
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
