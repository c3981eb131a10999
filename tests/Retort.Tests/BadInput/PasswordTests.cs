using Retort.Tests.Cli;
using Retort.Tests.Live;

namespace Retort.Tests.BadInput;

/// <summary>
/// A password given in a URL or a connection string appears in no output of any command, errors and
/// <c>--verbose</c> stack traces included.
/// </summary>
public sealed class PasswordTests
{
    private const string Password = "Sekr3t-pw_9xQ";

    private static readonly string[][] Commands =
    [
        ["heads"], ["history", "-v"], ["current"], ["current", "-v"], ["upgrade", "head"], ["upgrade", "head", "-v"],
        ["downgrade", "base", "-v"], ["stamp", "head", "-v"], ["check", "-v"], ["upgrade", "head", "--sql", "-v"],
    ];

    /// <summary>Where the password is given: a retort.json and the extra arguments that point at the database.</summary>
    public static TheoryData<string, string, string[]> Sources => new()
    {
        { "PostgreSQL URL, port refusing", """{ "scriptLocation": "migrations", "url": "postgresql://app:Sekr3t-pw_9xQ@127.0.0.1:1/db" }""", [] },
        { "MySQL URL on the command line", """{ "scriptLocation": "migrations", "url": "sqlite:///app.db" }""", ["--url", "mysql://app:Sekr3t-pw_9xQ@127.0.0.1:1/db"] },
        { "SQL Server URL, escaped", """{ "scriptLocation": "migrations", "url": "sqlserver://sa:Sekr3t%2Dpw_9xQ@127.0.0.1:1/db" }""", [] },
        { "PostgreSQL connection string", """{ "scriptLocation": "migrations", "provider": "npgsql", "connectionString": "Host=127.0.0.1;Port=1;Username=app;Password=Sekr3t-pw_9xQ" }""", [] },
        { "MySQL connection string with Pwd", """{ "scriptLocation": "migrations", "provider": "mysql", "connectionString": "Server=127.0.0.1;Port=1;User ID=app;Pwd=Sekr3t-pw_9xQ" }""", [] },
        { "URL with an unknown dialect", """{ "scriptLocation": "migrations", "url": "oracle://scott:Sekr3t-pw_9xQ@db/orcl" }""", [] },
        { "password in the query of a URL", """{ "scriptLocation": "migrations", "url": "postgresql://app@127.0.0.1:1/db?Password=Sekr3t-pw_9xQ" }""", [] },
        { "URL with no host", """{ "scriptLocation": "migrations", "url": "postgresql://app:Sekr3t-pw_9xQ@/db" }""", [] },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task The_password_appears_in_no_output_of_any_command(string source, string config, string[] extra)
    {
        await using var project = await BadInputProject.CreateAsync();
        project.WriteFile("retort.json", config);
        project.WriteRevision("aaaa00000001", null, "op.CreateTable(\"t\", new Column(\"id\", SqlType.Integer));");
        foreach (var command in Commands)
        {
            var result = await project.RunAsync([.. command, .. extra]);
            var output = result.Stdout + result.Stderr;
            Assert.False(output.Contains(Password, StringComparison.Ordinal) || output.Contains("Sekr3t%2Dpw", StringComparison.Ordinal),
                $"{source}: retort {string.Join(' ', command)} showed the password:\n{output}");
            // check exits 2 when it cannot compare; every other command 1 on an error.
            Assert.True(result.ExitCode is 0 or 1 || (result.ExitCode == 2 && command[0] == "check"), $"{source}: retort {string.Join(' ', command)} exited {result.ExitCode}:\n{output}");
        }
    }

    [Fact]
    public async Task An_unreachable_host_fails_within_the_connect_timeout_without_the_password()
    {
        await using var project = await BadInputProject.CreateAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        // 10.255.255.1 is not routed: the connection hangs until the CLI's 5 s connect timeout, or fails at once.
        var result = await project.RunAsync("current", "-v", "--url", $"postgresql://app:{Password}@10.255.255.1:5432/db");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("retort: error: Cannot connect to postgresql://app:***@10.255.255.1:5432/db: ",
            result.Stderr.ReplaceLineEndings("\n").Split('\n')[1]);
        Assert.DoesNotContain(Password, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [LiveFact(LiveServer.Postgres)]
    public Task A_wrong_password_or_database_on_live_PostgreSQL_shows_neither_password() => LiveAsync(LiveServer.Postgres);

    [LiveFact(LiveServer.MySql)]
    public Task A_wrong_password_or_database_on_live_MariaDB_shows_neither_password() => LiveAsync(LiveServer.MySql);

    [LiveFact(LiveServer.Postgres)]
    public async Task A_URL_of_one_database_at_the_port_of_another_is_told_what_answered()
    {
        // Both servers are needed: each URL names the other's port.
        var postgres = new Uri(LiveDatabase.Url(LiveServer.Postgres));
        var mysql = new Uri(LiveDatabase.Url(LiveServer.MySql));
        await using var project = await BadInputProject.CreateAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var toMySql = await project.RunAsync("current", "--url", $"postgresql://app:{Password}@{mysql.Host}:{mysql.Port}/db");
        var toPostgres = await project.RunAsync("current", "--url", $"mysql://app:{Password}@{postgres.Host}:{postgres.Port}/db");

        // The MySQL client waits for a greeting PostgreSQL never sends: the 5 s connect timeout, then the probe.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(1, toMySql.ExitCode);
        Assert.EndsWith($"; the server at {mysql.Host}:{mysql.Port} answers like MySQL or MariaDB, not PostgreSQL: is the URL's scheme or port wrong (the default port of PostgreSQL is 5432)?",
            toMySql.Stderr.TrimEnd());
        Assert.Equal(1, toPostgres.ExitCode);
        Assert.EndsWith($"; the server at {postgres.Host}:{postgres.Port} answers like PostgreSQL, not MySQL or MariaDB: is the URL's scheme or port wrong (the default port of MySQL or MariaDB is 3306)?",
            toPostgres.Stderr.TrimEnd());
        Assert.DoesNotContain(Password, toMySql.Stderr + toPostgres.Stderr, StringComparison.Ordinal);
    }

    private static async Task LiveAsync(LiveServer server)
    {
        var live = new Uri(LiveDatabase.Url(server));
        var user = live.UserInfo.Split(':')[0];
        var realPassword = Uri.UnescapeDataString(live.UserInfo.Split(':')[1]);
        var baseUrl = $"{live.Scheme}://{user}:{{0}}@{live.Host}:{live.Port}/{{1}}";
        await using var project = await BadInputProject.CreateAsync();
        foreach (var (password, database) in new[]
                 {
                     (Password, live.AbsolutePath.TrimStart('/')),
                     (Password, "retort_no_such_database"),
                     (realPassword, "retort_no_such_database"),
                 })
        {
            var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, baseUrl, password, database);
            var result = await project.RunAsync("upgrade", "head", "-v", "--url", url);
            var output = result.Stdout + result.Stderr;
            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"retort: error: Cannot connect to {live.Scheme}://{user}:***@", result.Stderr, StringComparison.Ordinal);
            // The test servers' real password is a common word ("retort"), so it is looked for as a whole value.
            Assert.DoesNotContain($":{password}@", output, StringComparison.Ordinal);
            Assert.DoesNotContain($"={password}", output, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        }
    }
}
