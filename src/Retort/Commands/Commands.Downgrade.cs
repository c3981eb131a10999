namespace Retort;

public sealed partial class Commands
{
    /// <summary>
    /// Downgrades the database to <paramref name="target"/> (<c>-1</c>, <c>base</c>, an id, <c>LABEL@REV</c>, …).
    /// With <paramref name="sql"/>, the target must be <c>FROM:TO</c>. <paramref name="resume"/> and <paramref name="tag"/> as for
    /// <see cref="UpgradeAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<string>> DowngradeAsync(string target, TextWriter? sql = null, bool resume = false, string? tag = null,
        CancellationToken cancellationToken = default) =>
        MoveAsync(target, upgrade: false, sql, resume, tag, cancellationToken);
}
