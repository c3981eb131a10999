using Retort.Model;

namespace Retort;

/// <summary>
/// One revision's work: <see cref="Upgrade"/> moves the database forward, <see cref="Downgrade"/>
/// undoes it. Subclasses carry a <see cref="RevisionAttribute"/>.
/// </summary>
/// <example>
/// <code>
/// [Revision("3f2a9c1b7d4e", Revises = "1a2b3c4d5e6f")]
/// public sealed class AddNewColumnAddress : Migration
/// {
///     public override void Upgrade(Operations op) =&gt;
///         op.AddColumn("users", new Column("address", SqlType.String(250)));
///
///     public override void Downgrade(Operations op) =&gt; op.DropColumn("users", "address");
/// }
/// </code>
/// </example>
// Keep this class free of instance fields and constructor logic: compiled scripts create instances of revisions that
// declare neither without running a constructor (ScriptIndex.WithoutConstructor in Retort.Scripting).
[NotAModelClass]
public abstract class Migration
{
    /// <summary>Applies this revision's changes.</summary>
    public virtual void Upgrade(Operations op) { }

    /// <summary>Reverses this revision's changes.</summary>
    public virtual void Downgrade(Operations op) { }

    /// <summary>
    /// Applies this revision's changes; override instead of <see cref="Upgrade"/> for data migrations
    /// that read through <c>op.Connection</c>.
    /// </summary>
    public virtual Task UpgradeAsync(Operations op, CancellationToken cancellationToken)
    {
        Upgrade(op);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Rows for <c>retort verify</c>: inserted before this revision's upgrade on the scratch database and looked for after
    /// it, for a data migration; null (the default) for none.
    /// </summary>
    public virtual DataFixture? Fixture => null;

    /// <summary>Reverses this revision's changes; the async counterpart of <see cref="Downgrade"/>.</summary>
    public virtual Task DowngradeAsync(Operations op, CancellationToken cancellationToken)
    {
        Downgrade(op);
        return Task.CompletedTask;
    }
}
