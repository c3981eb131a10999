namespace Retort;

/// <summary>What <c>retort init</c> wrote.</summary>
/// <param name="ConfigPath">The config file.</param>
/// <param name="ConfigWritten">False when a config file already existed and was left alone.</param>
/// <param name="Files">Every file written, config included.</param>
/// <param name="Directories">The folders created.</param>
public sealed record InitResult(string ConfigPath, bool ConfigWritten, IReadOnlyList<string> Files, IReadOnlyList<string> Directories);

public sealed partial class Commands
{
    /// <summary>
    /// Creates a project in <paramref name="workingDirectory"/>: <c>retort.json</c> (unless one exists) and the
    /// folder <paramref name="directory"/> with the template's files and an empty <c>versions/</c>.
    /// </summary>
    public static InitResult Init(string directory, string template = "generic", string? workingDirectory = null) =>
        Templates.Write(directory, template, workingDirectory);
}
