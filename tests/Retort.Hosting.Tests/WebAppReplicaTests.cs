using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Retort.Hosting.Tests;

/// <summary>
/// samples/webapp started five times at once against one fresh PostgreSQL database, as replicas of a deployment start:
/// every copy serves /healthz Healthy, each revision is applied once, and exactly one copy's log shows it applying them.
/// </summary>
public sealed class WebAppReplicaTests
{
    private const int Copies = 5;

    private static string WebAppDll
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Retort.slnx")))
                root = root.Parent;
            // This project references the sample (without its assembly), so the build has put it here.
            // The same configuration's folder as this assembly's (artifacts/bin/PROJECT/debug or release).
            var configuration = Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Retort.slnx not found"), "artifacts", "bin", "webapp", configuration, "webapp.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build tests/Retort.Hosting.Tests");
        }
    }

    private sealed class Copy : IDisposable
    {
        private readonly StringBuilder _output = new();

        public Copy(string connectionString)
        {
            using (var listener = new TcpListener(System.Net.IPAddress.Loopback, 0))
            {
                listener.Start();
                Port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            }
            var start = new ProcessStartInfo("dotnet", [WebAppDll, "--urls", $"http://127.0.0.1:{Port}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(WebAppDll),
            };
            start.Environment["ConnectionStrings__App"] = connectionString;
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            Process = Process.Start(start)!;
            Process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
            Process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public int Port { get; }

        public Process Process { get; }

        public string Output { get { lock (_output) return _output.ToString(); } }

        public void Dispose()
        {
            if (!Process.HasExited)
                Process.Kill(entireProcessTree: true);
            Process.WaitForExit(5000);
            Process.Dispose();
        }
    }

    [PostgresFact]
    public async Task Five_copies_starting_at_once_apply_each_revision_once_and_all_serve()
    {
        var dll = WebAppDll;
        var (name, connectionString) = await LivePostgres.CreateDatabaseAsync("webapp");
        var copies = new List<Copy>();
        try
        {
            copies.AddRange(Enumerable.Range(0, Copies).Select(_ => new Copy(connectionString)));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(45);
            var health = await Task.WhenAll(copies.Select(c => HealthAsync(http, c, deadline)));
            Assert.All(health, h => Assert.Equal("Healthy: The database is at head", h));

            var notes = await http.GetStringAsync($"http://127.0.0.1:{copies[0].Port}/notes");
            Assert.Equal("""[{"id":1,"body":"migrated at start-up","pinned":true},{"id":2,"body":"by exactly one replica","pinned":false}]""", notes);
            Assert.Equal(["5f1c0a9e2b41 upgrade 1", "8d3e7b6c1a02 upgrade 1", "c27a4f9d8e13 upgrade 1"],
                await LivePostgres.QueryAsync(connectionString, "SELECT revision, direction, count(*) FROM retort_version_log GROUP BY revision, direction ORDER BY min(id)"));

            // The lifetime's "Now listening" comes after Retort's lines: once every copy has written it, the logs are whole.
            await Task.WhenAll(copies.Select(c => WaitForAsync(c, "Now listening on", deadline)));
            var applying = copies.Where(c => c.Output.Contains("Applied revision", StringComparison.Ordinal)).ToList();
            var runner = Assert.Single(applying);
            Assert.Equal(3, Regex.Matches(runner.Output, @"Applied revision \w+ \(upgrade\) in [\d.]+ ms").Count);
            Assert.All(copies.Where(c => c != runner), c => Assert.Contains("is up to date at c27a4f9d8e13", c.Output));
        }
        finally
        {
            foreach (var copy in copies)
                copy.Dispose();
            NpgsqlConnection.ClearAllPools();
            await LivePostgres.DropDatabaseAsync(name);
        }
    }

    private static async Task<string> HealthAsync(HttpClient http, Copy copy, DateTime deadline)
    {
        while (true)
        {
            Assert.False(copy.Process.HasExited, $"copy on port {copy.Port} exited:\n{copy.Output}");
            try
            {
                var response = await http.GetAsync($"http://127.0.0.1:{copy.Port}/healthz");
                return await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task WaitForAsync(Copy copy, string text, DateTime deadline)
    {
        while (!copy.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"copy on port {copy.Port} never wrote '{text}':\n{copy.Output}");
            await Task.Delay(50);
        }
    }
}
