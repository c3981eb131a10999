using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Retort.Configuration;
using Retort.Dialects;

namespace Retort.Execution;

/// <summary>
/// An empty database that exists for one command and is gone after it: a temporary SQLite file, or a database created
/// on a server (named <c>retort_scratch_…</c>) and dropped when the command ends, whatever happened in it.
/// </summary>
internal sealed partial class ScratchDatabase(RetortConfig config, ConnectionFactory? connect, DatabaseUrl? server, string? file, string? database,
    TextWriter progress) : IAsyncDisposable
{
    /// <summary>The project's settings with the scratch database's URL.</summary>
    public RetortConfig Config { get; } = config;

    /// <summary>
    /// Makes the scratch database: on the server of <paramref name="serverUrl"/> when given (the URL's own database is
    /// only where the new one is created from), otherwise in a temporary SQLite file.
    /// </summary>
    public static async Task<ScratchDatabase> CreateAsync(RetortConfig config, string? serverUrl, ConnectionFactory? connect, TextWriter progress,
        CancellationToken cancellationToken)
    {
        var name = "retort_scratch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        if (serverUrl is null)
        {
            var file = Path.Combine(Path.GetTempPath(), name + ".db");
            return new ScratchDatabase(Scratch(config, "sqlite:///" + file), connect, null, file, null, progress);
        }
        var server = DatabaseUrl.Parse(serverUrl, config.BaseDirectory);
        if (server.Id == DialectId.Sqlite)
            throw new RetortException($"--url names the server verify makes its scratch database on, and {server.Display} is a SQLite file; leave --url out to verify on a temporary SQLite file");
        if (connect is null)
            throw new RetortException("These commands were created without a way to connect to databases (connect)");
        var scratch = new ScratchDatabase(Scratch(config, WithDatabase(serverUrl, name)), connect, server, null, name, progress);
        await scratch.RunOnServerAsync(server.Id.Create().Bookkeeping.CreateScratch(name), cancellationToken);
        return scratch;
    }

    /// <summary>Drops the scratch database; a failure to drop it is a warning, not an error, since the command's outcome stands.</summary>
    public async ValueTask DisposeAsync()
    {
        if (file is not null)
        {
            foreach (var path in new[] { file, file + "-journal", file + "-wal", file + "-shm" })
                File.Delete(path);
            return;
        }
        // A session the role cannot end (an autovacuum worker that has just started on the new database) keeps the
        // database for a moment; the drop is tried again for a few seconds.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunOnServerAsync(server!.Id.Create().Bookkeeping.DropScratch(database!), CancellationToken.None);
                return;
            }
            catch (System.Data.Common.DbException) when (attempt < 20)
            {
                await Task.Delay(250);
            }
            catch (Exception e) when (e is RetortException or System.Data.Common.DbException)
            {
                progress.WriteLine($"warning: the scratch database {database} on {server!.Display} could not be dropped: {e.Message}");
                return;
            }
        }
    }

    private async Task RunOnServerAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        await using var connection = connect!(server!);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new RetortException($"Cannot connect to {server!.Display} to make or drop a scratch database: {e.Message}");
        }
        foreach (var statement in statements)
            await statement.ScalarAsync(connection, null, cancellationToken);
    }

    // The project's settings on the scratch database, without the log: nobody reads a throwaway database's history, and
    // its rows would be most of the writes of a run of many small revisions.
    private static RetortConfig Scratch(RetortConfig config, string url) => config with { Url = url, Log = false };

    // The URL with its database (the path) replaced, everything else as written: user, password, port, settings.
    private static string WithDatabase(string url, string database) =>
        ServerUrl().Replace(url, m => m.Groups["start"].Value + "/" + database + m.Groups["query"].Value, 1);

    [GeneratedRegex(@"^(?<start>[^:/?#]+://[^/?#]*)(?<path>/[^?#]*)?(?<query>[?#].*)?$", RegexOptions.Singleline)]
    private static partial Regex ServerUrl();
}
