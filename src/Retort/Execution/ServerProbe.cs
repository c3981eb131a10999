using System.Data.Common;
using System.Net.Sockets;
using Retort.Dialects;

namespace Retort.Execution;

/// <summary>
/// After a connection failed, what answers at the URL's host and port: MySQL and MariaDB greet first, PostgreSQL
/// answers an SSL request with one byte. A URL pointing one database's scheme at another's port then gets a hint
/// instead of a protocol error or a timeout.
/// </summary>
internal static class ServerProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    /// <summary>A hint ("; the server at … answers like PostgreSQL …"), or empty when nothing can be told.</summary>
    public static async Task<string> HintAsync(Configuration.DatabaseUrl url)
    {
        if (DialectId.FromScheme(url.Dialect) is not { Family: { } expected, DefaultPort: { } defaultPort } || Endpoint(url) is not ({ } host, var port))
            return "";
        try
        {
            using var timeout = new CancellationTokenSource(Patience * 3);
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            var greeting = await ReadAsync(stream, timeout.Token);
            var speaks = greeting is { Length: > 4 } && greeting[4] == 10 ? "MySQL or MariaDB" : null;
            if (greeting is null)
            {
                // Silent: send PostgreSQL's SSLRequest; a PostgreSQL server answers with a single S or N.
                await stream.WriteAsync(new byte[] { 0, 0, 0, 8, 4, 210, 22, 47 }, timeout.Token);
                speaks = await ReadAsync(stream, timeout.Token) is [(byte)'S' or (byte)'N'] ? "PostgreSQL" : null;
            }
            return speaks is null || speaks == expected ? ""
                : $"; the server at {host}:{port} answers like {speaks}, not {expected}: is the URL's scheme or port wrong (the default port of {expected} is {defaultPort})?";
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return "";
        }
    }

    private static async Task<byte[]?> ReadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64];
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(Patience);
        try
        {
            var read = await stream.ReadAsync(buffer, wait.Token);
            return read == 0 ? null : buffer[..read];
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static (string? Host, int Port) Endpoint(Configuration.DatabaseUrl url)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = url.ConnectionString };
        var host = builder.TryGetValue("Host", out var h) || builder.TryGetValue("Server", out h) ? h as string : null;
        var port = builder.TryGetValue("Port", out var p) && int.TryParse(Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture), out var n) ? n : 0;
        return host is null || host.Contains(',') || host.StartsWith('/') || port == 0 ? (null, 0) : (host, port);
    }
}
