using Retort.Configuration;

namespace Retort.Tests.Configuration;

public sealed class SecretsTests
{
    [Theory]
    [InlineData("postgresql://app:s3cret@db/shop", "password authentication failed (s3cret)", "password authentication failed (***)")]
    [InlineData("sqlserver://sa:Sekr3t%2Dpw@db/shop", "Login failed: Sekr3t-pw", "Login failed: ***")]
    [InlineData("mysql://app@db/shop?Password=hush", "Access denied: hush hush", "Access denied: *** ***")]
    [InlineData("postgresql://retort:retort@db/shop", "password authentication failed for user \"retort\"", "password authentication failed for user \"retort\"")]
    [InlineData("postgresql://app@db/shop", "no password supplied for app", "no password supplied for app")]
    [InlineData("sqlite:///app.db", "unable to open database file", "unable to open database file")]
    public void A_message_is_scrubbed_of_the_password_unless_it_is_the_user_name(string url, string message, string scrubbed) =>
        Assert.Equal(scrubbed, Secrets.Scrub(message, DatabaseUrl.Parse(url, "/")));

    [Theory]
    [InlineData("Server=db;User ID=app;Pwd=pw1", "pw1")]
    [InlineData("Host=db;Username=app;Password=pw2;Pwd=other", "pw2")]
    [InlineData("Host=db;Username=app;PASSWORD=pw3", "pw3")]
    [InlineData("Host=db;UID=same;Password=same", null)]
    [InlineData("Host=db;User=same;Password=same", null)]
    [InlineData("Host=db;Username=app;SSL Password=hush", null)]
    public void The_password_to_hide_is_Password_else_Pwd_and_never_the_user_name(string connectionString, string? password) =>
        Assert.Equal(password, Secrets.Password(connectionString));

    [Fact]
    public void Scrubbing_without_a_secret_leaves_the_text()
    {
        Assert.Equal("a b", Secrets.Scrub("a b", (string?)null));
        Assert.Equal("a b", Secrets.Scrub("a b", ""));
        Assert.Equal("*** b ***", Secrets.Scrub("a b a", "a"));
    }

    [Theory]
    [InlineData("postgresql://app:pw@db:5432/shop", "postgresql://app:***@db:5432/shop")]
    [InlineData("postgresql://app@db/shop?sslmode=require&Password=pw&ssl%20password=k", "postgresql://app@db/shop?sslmode=require&Password=***&ssl%20password=***")]
    [InlineData("mysql://app:p:w@x@db/shop", "mysql://app:***@db/shop")]
    [InlineData("postgresql://db/shop", "postgresql://db/shop")]
    [InlineData("not a url :pw@", "not a url :pw@")]
    public void A_URL_is_shown_without_its_password(string url, string shown) =>
        Assert.Equal(shown, Secrets.RedactUrl(url));

    [Fact]
    public void A_connection_string_is_shown_without_its_secret_settings()
    {
        Assert.Equal("host=db;username=app;password=***;pwd=***;ssl password=***",
            Secrets.RedactConnectionString("Host=db;Username=app;Password=a;Pwd=b;SSL Password=c"));
        Assert.Equal("postgresql: host=db;password=***", DatabaseUrl.FromProvider("npgsql", "Host=db;Password=a").Display);
    }
}
