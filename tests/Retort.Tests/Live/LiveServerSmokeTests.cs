using System.Net.Sockets;

namespace Retort.Tests.Live;

public sealed class LiveServerSmokeTests
{
    [LiveFact(LiveServer.Postgres)]
    public Task The_PostgreSQL_server_accepts_a_TCP_connection_at_the_host_and_port_of_its_URL() =>
        AssertAcceptsTcpConnection(LiveServer.Postgres, defaultPort: 5432);

    [LiveFact(LiveServer.MySql)]
    public Task The_MySQL_server_accepts_a_TCP_connection_at_the_host_and_port_of_its_URL() =>
        AssertAcceptsTcpConnection(LiveServer.MySql, defaultPort: 3306);

    private static async Task AssertAcceptsTcpConnection(LiveServer server, int defaultPort)
    {
        var variable = LiveDatabase.VariableName(server);
        if (!Uri.TryCreate(LiveDatabase.Url(server), UriKind.Absolute, out var url) || url.Host.Length == 0)
        {
            Assert.Fail($"{variable} is not a URL with a host.");
        }

        var port = url.Port > 0 ? url.Port : defaultPort;
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await client.ConnectAsync(url.Host, port, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            Assert.Fail($"{server} at {url.Host}:{port} (from {variable}) accepts no TCP connection: {e.Message}");
        }

        Assert.True(client.Connected);
    }
}
