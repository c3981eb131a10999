namespace Retort.Revisions;

/// <summary>
/// The revision graph: heads, bases, branch labels, dependencies, target resolution and walk order,
/// with Alembic's semantics.
/// </summary>
public sealed class RevisionMap
{
    /// <summary>
    /// Builds the graph. Throws <see cref="RetortException"/> for a duplicate id (naming both files),
    /// a <c>Revises</c> or <c>DependsOn</c> naming a revision that does not exist (naming the file),
    /// a cycle (naming the revisions in it), a duplicate branch label, or an id with <c>@ - + :</c>.
    /// </summary>
    public RevisionMap(IEnumerable<RevisionHeader> headers) => throw new NotImplementedException();

    /// <summary>Every revision, in the order given (file order).</summary>
    public IReadOnlyList<Revision> All => throw new NotImplementedException();

    /// <summary>The revision with this exact id; throws <see cref="RetortException"/> when there is none.</summary>
    public Revision this[string id] => throw new NotImplementedException();

    /// <summary>Revisions no other revision revises (including "effective heads" only depended on).</summary>
    public IReadOnlyList<Revision> Heads => throw new NotImplementedException();

    /// <summary>Heads that nothing revises or depends on.</summary>
    public IReadOnlyList<Revision> RealHeads => throw new NotImplementedException();

    /// <summary>Revisions that revise nothing.</summary>
    public IReadOnlyList<Revision> Bases => throw new NotImplementedException();

    /// <summary>
    /// Resolves a symbol to revisions: <c>head</c>, <c>heads</c>, <c>base</c> (empty), a full id, a
    /// unique partial id, a branch label, <c>LABEL@head</c>, <c>LABEL@base</c>, <c>LABEL@REV</c>,
    /// <c>REV+N</c>, <c>REV-N</c>, <c>LABEL@+N</c>, <c>LABEL@-N</c>; and, given the database's
    /// current heads, <c>current</c>, <c>+N</c> and <c>-N</c>.
    /// </summary>
    public IReadOnlyList<Revision> Resolve(string symbol, IReadOnlyCollection<string>? current = null) =>
        throw new NotImplementedException();

    /// <summary>
    /// The revisions to apply, in order, to move a database at <paramref name="current"/> to
    /// <paramref name="target"/>: each after its parents and dependencies.
    /// </summary>
    public IReadOnlyList<Revision> UpgradeSteps(IReadOnlyCollection<string> current, string target) =>
        throw new NotImplementedException();

    /// <summary>
    /// The revisions to undo, in order, to move a database at <paramref name="current"/> down to
    /// <paramref name="target"/>: each before its parents and before what it depends on.
    /// </summary>
    public IReadOnlyList<Revision> DowngradeSteps(IReadOnlyCollection<string> current, string target) =>
        throw new NotImplementedException();

    /// <summary>
    /// Revisions from <paramref name="upper"/> down to <paramref name="lower"/> inclusive, newest first,
    /// as <c>history -r lower:upper</c> lists them; null ends mean <c>heads</c> and <c>base</c>.
    /// </summary>
    public IReadOnlyList<Revision> Walk(string? lower, string? upper, IReadOnlyCollection<string>? current = null) =>
        throw new NotImplementedException();
}
