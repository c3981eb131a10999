using System.Data.Common;

namespace Retort.Configuration;

/// <summary>
/// The one place that knows which parts of a database's address are secret and hides them from what Retort shows:
/// the password of a URL or connection string in <see cref="DatabaseUrl.Display"/>, and the password where a message
/// (a provider's error, a stack trace) repeats it.
/// </summary>
public static class Secrets
{
    /// <summary>What a hidden secret is shown as.</summary>
    public const string Mask = "***";

    private static readonly string[] UserKeys = ["Username", "User ID", "User", "UID"];

    /// <summary>
    /// <paramref name="message"/> with the password of <paramref name="database"/> replaced by <see cref="Mask"/>.
    /// A password that is also the user name is left alone: it hides nothing, and would blank out every mention of the user.
    /// </summary>
    public static string Scrub(string message, DatabaseUrl database) => Scrub(message, Password(database.ConnectionString));

    /// <summary><paramref name="text"/> with every occurrence of <paramref name="secret"/> replaced by <see cref="Mask"/>; as it is when the secret is null or empty.</summary>
    public static string Scrub(string text, string? secret) =>
        secret is { Length: > 0 } ? text.Replace(secret, Mask, StringComparison.Ordinal) : text;

    /// <summary>
    /// The password of <paramref name="connectionString"/> that output must not show: its <c>Password</c> (else
    /// <c>Pwd</c>) setting, or null when that is missing, empty, or the user name.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string cannot be read.</exception>
    public static string? Password(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!(builder.TryGetValue("Password", out var value) || builder.TryGetValue("Pwd", out value))
            || value is not string { Length: > 0 } password)
            return null;
        return UserKeys.Any(user => builder.TryGetValue(user, out var name) && Equals(name, password)) ? null : password;
    }

    /// <summary>The URL with its password (in the user part, or a secret query setting) replaced by <see cref="Mask"/>.</summary>
    public static string RedactUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
            return url;
        url = RedactQuery(url);
        var at = url.LastIndexOf('@');
        var hostStart = schemeEnd + 3;
        if (at < hostStart)
            return url;
        var colon = url.IndexOf(':', hostStart);
        return colon < 0 || colon > at ? url : url[..(colon + 1)] + Mask + url[at..];
    }

    /// <summary>The connection string with each secret setting's value replaced by <see cref="Mask"/>.</summary>
    /// <exception cref="ArgumentException">The connection string cannot be read.</exception>
    public static string RedactConnectionString(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (var key in builder.Keys.Cast<string>().Where(IsSecret).ToList())
            builder[key] = Mask;
        return builder.ConnectionString;
    }

    private static string RedactQuery(string url)
    {
        var query = url.IndexOf('?');
        if (query < 0)
            return url;
        var pairs = url[(query + 1)..].Split('&').Select(pair =>
        {
            var equals = pair.IndexOf('=');
            return equals > 0 && IsSecret(Uri.UnescapeDataString(pair[..equals])) ? pair[..(equals + 1)] + Mask : pair;
        });
        return url[..(query + 1)] + string.Join('&', pairs);
    }

    private static bool IsSecret(string key) =>
        key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() is "password" or "pwd" or "sslpassword";
}
