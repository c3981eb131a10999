namespace Retort;

/// <summary>
/// Revisions written from schemas rather than from a model, on one project's settings (<see cref="Commands.SchemaRevisions"/>):
/// a range of revisions replaced by one that makes the same schema (<c>squash</c>), and a database without revisions
/// written as its first (<c>baseline --from-live</c>). Each is proven on scratch databases before anything changes.
/// </summary>
public sealed partial class SchemaRevisions
{
    private readonly Commands _commands;

    internal SchemaRevisions(Commands commands) => _commands = commands;

    private Configuration.RetortConfig Config => _commands.Config;
}
