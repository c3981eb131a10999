using Retort.Execution;

namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Upgrades the database to <paramref name="target"/> (<c>head</c>, <c>heads</c>, <c>+2</c>, an id, <c>LABEL@head</c>, …).
    /// With <paramref name="sql"/>, writes the SQL to it instead of connecting; the target may then be
    /// <c>FROM:TO</c> (the start defaults to base). With <paramref name="resume"/>, continues a revision left half
    /// applied where DDL is not transactional, after the statements that ran. Returns the heads the version table
    /// holds afterwards. <paramref name="tag"/> (a release name, a ticket) is written into the log with each step.
    /// <paramref name="phase"/> splits a zero-downtime deploy: <see cref="MigrationPhase.PreDeploy"/> applies the pending
    /// revisions up to, not including, the first post-deploy revision on each branch (and says in the log what it held
    /// back), <see cref="MigrationPhase.PostDeploy"/> the rest; null applies everything.
    /// </summary>
    public Task<IReadOnlyList<string>> UpgradeAsync(string target, TextWriter? sql = null, bool resume = false, string? tag = null,
        MigrationPhase? phase = null, CancellationToken cancellationToken = default) =>
        MoveAsync(target, upgrade: true, sql, resume, tag, cancellationToken, phase);

    private Task<IReadOnlyList<string>> MoveAsync(string target, bool upgrade, TextWriter? sql, bool resume, string? tag,
        CancellationToken cancellationToken, MigrationPhase? phase = null) =>
        InSessionAsync((session, map) => Moves.RunAsync(session, map, target, upgrade, sql, resume, tag, phase, cancellationToken,
            upgrade && Config.Lint.FailOn.Count > 0 ? (revisions, token) => SafetyNet.RefuseOnLintAsync(session, revisions, token) : null));
}
