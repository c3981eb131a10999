using Retort.Ops;

namespace Retort;

/// <summary>
/// The operation an <c>op.</c> call just made, so that the call can say why a lint rule does not apply to it:
/// <c>op.DropColumn("users", "fax").Lint("RT102", "nobody has sent a fax since 2019")</c>. A run ignores it.
/// </summary>
public readonly struct OperationCall
{
    private readonly MigrationOperation? _operation;
    private readonly Action<MigrationOperation, LintSuppression>? _suppress;

    internal OperationCall(MigrationOperation operation, Action<MigrationOperation, LintSuppression>? suppress)
    {
        _operation = operation;
        _suppress = suppress;
    }

    /// <summary>
    /// Suppresses lint rule <paramref name="code"/> (such as <c>RT102</c>) for this operation. Give the reason: lint
    /// reports a suppression without one, and one that no longer matches anything.
    /// </summary>
    public OperationCall Lint(string code, string? reason = null)
    {
        if (_operation is not null)
            _suppress?.Invoke(_operation, new LintSuppression(code, reason));
        return this;
    }
}
