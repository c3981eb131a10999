namespace Retort;

public sealed partial class Commands
{
    /// <summary>Creates the version table when it is missing; with <paramref name="sql"/>, writes its CREATE TABLE.</summary>
    public async Task EnsureVersionAsync(TextWriter? sql = null, CancellationToken cancellationToken = default)
    {
        await using var session = Session();
        if (sql is not null)
        {
            session.WriteTo(sql);
            await session.Sink.ExecuteAsync(session.Table.Create(), cancellationToken);
            return;
        }
        await session.LockAsync(cancellationToken);
        var sink = await session.ConnectAsync(cancellationToken);
        if (!await session.VersionTableExistsAsync(cancellationToken))
            await sink.ExecuteAsync(session.Table.Create(), cancellationToken);
    }
}
