using Retort.Configuration;
using Retort.Dialects;
using Retort.Revisions;

namespace Retort.Execution;

/// <summary>What a verify run found: the scratch database's name, each revision's verdict, what the check at the head said.</summary>
internal sealed record VerifyOutcome(string Database, IReadOnlyList<RevisionVerdict> Verdicts, IReadOnlyList<string>? AtHead);

/// <summary>
/// Runs of the project's revisions on a scratch database made for the run and dropped after it (<see cref="ScratchDatabase"/>),
/// with the project's settings, revisions' code and log; the schemas are compared by what the caller hands in, since
/// autogenerate's differ lives above this folder.
/// </summary>
internal sealed class ScratchRun(RetortConfig config, string? serverUrl, ConnectionFactory? connect, TextWriter progress,
    Func<MigrationSource> source, Func<string, string?> checksumOf)
{
    /// <summary>
    /// Verifies <paramref name="verified"/> (see <see cref="Verification.RunAsync"/>); when every revision reverses and
    /// <paramref name="atHead"/> is given, asks it about the schema at the end, on the scratch database's session.
    /// </summary>
    public async Task<VerifyOutcome> VerifyAsync(RevisionMap map, IReadOnlySet<string> verified,
        Func<Dialect, DatabaseSchema, DatabaseSchema, IReadOnlyList<string>> differences,
        Func<RunSession, DatabaseSchema, CancellationToken, Task<IReadOnlyList<string>>>? atHead, CancellationToken cancellationToken)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(config, serverUrl, connect, progress, cancellationToken);
        await using var session = Session(scratch);
        var (verdicts, last) = await Verification.RunAsync(session, map, verified, (from, to) => differences(session.Dialect, from, to),
            (heads, token) => ReplayAsync(map, heads, token), cancellationToken);
        var head = atHead is not null && verdicts.All(v => v.Failure is null) ? await atHead(session, last, cancellationToken) : null;
        return new VerifyOutcome(session.Url.Display, verdicts, head);
    }

    /// <summary>The schema the revisions up to <paramref name="heads"/> make of an empty database.</summary>
    public async Task<DatabaseSchema> ReplayAsync(RevisionMap map, IReadOnlyList<string> heads, CancellationToken cancellationToken) =>
        (await ReplayAsync(map, [heads], null, cancellationToken))[0];

    /// <summary>
    /// The schemas the revisions up to each stage's heads make of an empty database, one scratch database upgraded
    /// stage after stage; with <paramref name="thenDowngrade"/>, also the schema after that revision's downgrade.
    /// </summary>
    public async Task<IReadOnlyList<DatabaseSchema>> ReplayAsync(RevisionMap map, IReadOnlyList<IReadOnlyList<string>> stages,
        Revision? thenDowngrade, CancellationToken cancellationToken)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(config, serverUrl, connect, progress, cancellationToken);
        await using var session = Session(scratch);
        return await Verification.ReplayAsync(session, map, stages, thenDowngrade, cancellationToken);
    }

    /// <summary>The dialect of the scratch database: the server's, or SQLite's for a temporary file.</summary>
    public Dialect Dialect => (serverUrl is null ? DialectId.Sqlite : DatabaseUrl.Parse(serverUrl, config.BaseDirectory).Id).Create();

    /// <summary>Where the scratch databases are made, for a person: the server (password hidden), or a temporary SQLite file.</summary>
    public string Where => serverUrl is null ? "a temporary SQLite file" : $"a scratch database on {DatabaseUrl.Parse(serverUrl, config.BaseDirectory).Display}";

    /// <summary>
    /// As <see cref="ReplayAsync(RevisionMap, IReadOnlyList{string}, CancellationToken)"/>, with the scratch database's name for a report, and the failure of a revision that
    /// stopped the replay instead of the schema.
    /// </summary>
    public async Task<(string Database, DatabaseSchema? Schema, RetortException? Failure)> TryReplayAsync(RevisionMap map, IReadOnlyList<string> heads,
        CancellationToken cancellationToken)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(config, serverUrl, connect, progress, cancellationToken);
        await using var session = Session(scratch);
        try
        {
            return (session.Url.Display, (await Verification.ReplayAsync(session, map, [heads], null, cancellationToken))[0], null);
        }
        catch (RetortException e)
        {
            return (session.Url.Display, null, e);
        }
    }

    // The runs' own progress (three lines a revision for verify) is left out: the report says what happened.
    private RunSession Session(ScratchDatabase scratch) => new(scratch.Config, connect, TextWriter.Null, source, checksumOf);
}
