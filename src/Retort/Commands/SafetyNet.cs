using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Execution;
using Retort.Revisions;

namespace Retort;

/// <summary>
/// The checks beyond running the scripts, on one project's settings (<see cref="Commands.SafetyNet"/>): each revision's
/// downgrade against its upgrade (<c>verify</c>), and the database against what its revisions make (<c>check --drift</c>).
/// Both run the revisions on a scratch database made for the check and dropped after it, and compare the schemas as
/// autogenerate does.
/// </summary>
public sealed partial class SafetyNet
{
    private readonly Commands _commands;

    internal SafetyNet(Commands commands) => _commands = commands;

    private Configuration.RetortConfig Config => _commands.Config;

    /// <summary>
    /// Runs each revision on a scratch database, in order: upgrade, downgrade, and the schema must be exactly what it was
    /// before the upgrade (tables, columns, types, defaults, keys, indexes, checks, comments, views, as autogenerate
    /// compares them), then upgrade again. At the end the schema must equal the model's, where the project has one, and the
    /// graph must have one head unless <see cref="VerifyRequest.SeveralHeads"/>. The project's own database is not touched.
    /// </summary>
    public async Task<VerifyReport> VerifyAsync(VerifyRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new VerifyRequest();
        var map = _commands.Scripts.Map;
        var hasModel = Config.Model is not { Sources.Count: 0, Assemblies.Count: 0, Types.Count: 0 };
        var outcome = await _commands.Scratch(request.ScratchUrl).VerifyAsync(map, map.Between(request.Range), Differences,
            hasModel ? (session, last, token) => ModelDifferencesAsync(session, last, map, token) : null, cancellationToken);
        return VerifyReport.Of(outcome, map, request, hasModel);
    }

    /// <summary>
    /// Compares the database with the schema its version table says it should have: the revisions up to its current
    /// revisions are run on a scratch database (on the same server, or a temporary SQLite file for a SQLite database; on
    /// the server of <paramref name="scratchUrl"/> when given), which is then read and compared with the live one. Each
    /// difference is a change made by hand (or by a tool other than Retort) since.
    /// </summary>
    public async Task<DriftReport> DriftAsync(string? scratchUrl = null, CancellationToken cancellationToken = default)
    {
        var map = _commands.Scripts.Map;
        await using var session = _commands.Session();
        var sink = await session.ConnectAsync(cancellationToken, MissingFile.Refuse);
        var heads = await session.HeadsIfAnyAsync(map, cancellationToken);
        var live = await session.Dialect.InspectAsync(sink.Connection, session.OwnTables, cancellationToken);
        var server = scratchUrl ?? (session.Url.Id == DialectId.Sqlite ? null
            : Config.Url ?? throw new RetortException("check --drift replays the revisions on a scratch database on the same server, which needs a URL; pass --url with the server's"));
        var expected = await _commands.Scratch(server).ReplayAsync(map, heads, cancellationToken);
        return new DriftReport(session.Url.Display, heads, Differences(session.Dialect, expected, live));
    }

    // What leads from one schema to the other, in Alembic's words.
    private IReadOnlyList<string> Differences(Dialect dialect, DatabaseSchema from, DatabaseSchema to) =>
        SchemaComparer.Compare(to, from, dialect, CompareOptions.From(Config, new(Config.VersionTable, Config.VersionTableSchema))).Upgrade
            .Select(OperationSummary.Describe).ToList();

    private async Task<IReadOnlyList<string>> ModelDifferencesAsync(RunSession session, DatabaseSchema last, RevisionMap map,
        CancellationToken cancellationToken) =>
        (await ModelComparison.CompareAsync(Config, session.Dialect, session.Table.Name, async token => new LiveSchema(last, [], await session.OpenAsync(token)),
            _commands.LoadModelAsync, graphIsEmpty: map.All.Count == 0, cancellationToken)).Upgrade.Select(OperationSummary.Describe).ToList();
}
