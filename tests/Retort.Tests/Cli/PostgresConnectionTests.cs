using Npgsql;
using Retort.Cli;
using Retort.Configuration;
using Retort.Tests.Live;

namespace Retort.Tests.Cli;

public sealed class PostgresConnectionTests
{
    private static NpgsqlConnectionStringBuilder Settings(string url)
    {
        using var connection = new Providers().Create(DatabaseUrl.Parse(url, "."));
        return new NpgsqlConnectionStringBuilder(connection.ConnectionString);
    }

    [Theory]
    [InlineData("postgresql://u:p@127.0.0.1/db")]
    [InlineData("postgresql://u:p@localhost:5433/db")]
    [InlineData("postgresql://u:p@[::1]/db")]
    public void A_loopback_url_without_sslmode_uses_tls_only_when_the_server_demands_it(string url) =>
        Assert.Equal(SslMode.Allow, Settings(url).SslMode);

    [Fact]
    public void A_remote_url_without_sslmode_keeps_npgsqls_preference_for_tls() =>
        Assert.Equal(SslMode.Prefer, Settings("postgresql://u:p@db.example.com/db").SslMode);

    [Theory]
    [InlineData("sslmode=require", SslMode.Require)]
    [InlineData("SSL%20Mode=Prefer", SslMode.Prefer)]
    [InlineData("sslmode=disable", SslMode.Disable)]
    public void The_urls_sslmode_is_obeyed_on_loopback_too(string query, SslMode expected) =>
        Assert.Equal(expected, Settings("postgresql://u:p@127.0.0.1/db?" + query).SslMode);

    [Fact]
    public void Libpq_spellings_in_the_url_are_understood()
    {
        // What psql, psycopg and SQLAlchemy URLs say; Npgsql spells the same settings its own way.
        var settings = Settings("postgresql://u:p@db.example.com/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem" +
            "&application_name=deploy&connect_timeout=3&options=-c%20search_path%3Dapp");
        Assert.Equal(SslMode.VerifyFull, settings.SslMode);
        Assert.Equal("/etc/ca.pem", settings.RootCertificate);
        Assert.Equal(("deploy", 3), (settings.ApplicationName, settings.Timeout));
        Assert.Equal("-c search_path=app", settings.Options);
        Assert.Equal(SslMode.VerifyCA, Settings("postgresql://u:p@db.example.com/db?sslmode=VERIFY-CA").SslMode);
        Assert.Equal("postgresql://u:***@db.example.com/db?sslpassword=***",
            DatabaseUrl.Parse("postgresql://u:p@db.example.com/db?sslpassword=hush", ".").Display);
    }

    [Fact]
    public void Gss_encryption_is_off_unless_the_url_asks_for_it()
    {
        Assert.Equal(GssEncryptionMode.Disable, Settings("postgresql://u:p@db.example.com/db").GssEncryptionMode);
        Assert.Equal(GssEncryptionMode.Prefer, Settings("postgresql://u:p@db.example.com/db?GssEncryptionMode=Prefer").GssEncryptionMode);
        Assert.Equal(GssEncryptionMode.Require, Settings("postgresql://u:p@db.example.com/db?GSS%20Encryption%20Mode=Require").GssEncryptionMode);
    }

    [Fact]
    public void The_connection_is_named_retort_and_gives_up_after_five_seconds_unless_the_url_says_otherwise()
    {
        var defaults = Settings("postgresql://u:p@127.0.0.1/db");
        Assert.Equal(("retort", 5), (defaults.ApplicationName, defaults.Timeout));
        var given = Settings("postgresql://u:p@127.0.0.1/db?ApplicationName=deploy&timeout=3");
        Assert.Equal(("deploy", 3), (given.ApplicationName, given.Timeout));
    }

    [LiveFact(LiveServer.Postgres)]
    public async Task Sslmode_require_connects_encrypted_when_the_server_offers_tls()
    {
        var url = LiveDatabase.Url(LiveServer.Postgres);
        await using var plain = new Providers().Create(DatabaseUrl.Parse(url, "."));
        await plain.OpenAsync();
        await using var ask = plain.CreateCommand();
        ask.CommandText = "SELECT current_setting('ssl')";
        var serverOffersTls = (string?)await ask.ExecuteScalarAsync() == "on";

        await using var secure = new Providers().Create(DatabaseUrl.Parse(url + (url.Contains('?') ? "&" : "?") + "sslmode=require", "."));
        if (!serverOffersTls)
        {
            var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => secure.OpenAsync());
            Assert.Contains("SSL", refused.Message, StringComparison.Ordinal);
            return;
        }
        await secure.OpenAsync();
        await using var check = secure.CreateCommand();
        check.CommandText = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()";
        Assert.Equal(true, await check.ExecuteScalarAsync());
    }
}
