namespace Retort;

/// <summary>
/// What the <c>retort</c> tool prints for each command, in Alembic's words: each method runs its command through
/// <see cref="Commands"/> and returns the lines to print, so that the tool only parses arguments and prints. Progress
/// and warnings go to the commands' <see cref="Commands.Log"/>, as <see cref="Commands"/> writes its own.
/// </summary>
public static partial class CommandText
{
    /// <summary><c>init</c>: the folders and files <see cref="Commands.Init"/> wrote, and what to edit next.</summary>
    public static IReadOnlyList<string> Init(string directory, string template)
    {
        var written = Commands.Init(directory, template);
        var lines = written.Directories.Select(folder => $"Creating directory {DisplayPath(folder)} ... done")
            .Concat(written.Files.Select(Generating)).ToList();
        if (!written.ConfigWritten)
            lines.Add($"Kept the existing {DisplayPath(written.ConfigPath)}; check that its scriptLocation names the new folder.");
        lines.Add($"Edit the database URL in {DisplayPath(written.ConfigPath)} before you upgrade.");
        return lines;
    }

    /// <summary><c>revision</c>: writes an empty revision; the line naming its file.</summary>
    public static string Revision(Commands commands, RevisionRequest request) => Generating(commands.Revision(request).Path!);

    /// <summary>
    /// <c>revision --autogenerate</c>: writes what <see cref="Commands.AutogenerateAsync"/> finds; the line naming the file.
    /// A line per operation detected goes to the log first, as Alembic logs them.
    /// </summary>
    public static async Task<string> AutogenerateAsync(Commands commands, RevisionRequest request, CancellationToken cancellationToken = default)
    {
        var (header, diff) = await commands.AutogenerateAsync(request, cancellationToken: cancellationToken);
        foreach (var operation in diff.Upgrade)
            commands.Log.WriteLine($"Detected {OperationSummary.Describe(operation)}");
        if (diff.IsEmpty)
            commands.Log.WriteLine("No changes in schema detected; the revision's upgrade and downgrade are empty");
        LogLint(commands, diff.Upgrade);
        return Generating(header.Path!);
    }

    /// <summary>
    /// <c>check</c>: a line per upgrade operation the model wants and the database lacks; none when they agree. The
    /// comparison's warnings go to the log.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(Commands commands, CancellationToken cancellationToken = default)
    {
        var diff = await commands.CompareAsync(cancellationToken);
        foreach (var warning in diff.Warnings)
            commands.Log.WriteLine($"warning: {warning}");
        LogLint(commands, diff.Upgrade);
        return [.. diff.Upgrade.Select(OperationSummary.Describe)];
    }

    // What lint says of operations about to be written goes to the log, beside the "Detected" lines.
    private static void LogLint(Commands commands, IReadOnlyList<Ops.MigrationOperation> operations)
    {
        if (operations.Count == 0)
            return;
        var report = commands.SafetyNet.LintOperations(operations);
        foreach (var line in LintWritten(report))
            commands.Log.WriteLine(line);
        if (commands.Config.Lint.FailOn is { Count: > 0 } failOn && report.Blocking(failOn) is { Count: > 0 } blocking)
            commands.Log.WriteLine($"lint.failOn names {blocking.Count} of these; upgrade will refuse the revision until each is changed or suppressed with a reason");
    }

    /// <summary><c>merge</c>: writes the merge revision (see <see cref="Commands.Merge"/>); the line naming its file.</summary>
    public static string Merge(Commands commands, IReadOnlyList<string> revisions, string message, string? branchLabel = null,
        string? revisionId = null) =>
        Generating(commands.Merge(revisions, message, branchLabel, revisionId).Path!);

    /// <summary>A path as the user would type it: relative to the current folder when below it.</summary>
    public static string DisplayPath(string path) => DisplayPath(path, Directory.GetCurrentDirectory());

    /// <summary><see cref="DisplayPath(string)"/> for many paths: the current folder asked once, not once per path.</summary>
    public static string DisplayPath(string path, string currentFolder)
    {
        var relative = Path.GetRelativePath(currentFolder, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static string Generating(string path) => $"Generating {DisplayPath(path)} ... done";
}
