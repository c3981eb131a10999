namespace Retort.Configuration;

/// <summary>
/// PostgreSQL URL settings as libpq spells them (<c>sslmode=verify-full</c>, <c>application_name</c>,
/// <c>connect_timeout</c>...), which SQLAlchemy and psql users write, put the way Npgsql reads them. Settings Npgsql
/// already knows pass through unchanged.
/// </summary>
internal static class LibpqSettings
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
        ["gssencmode"] = "GSS Encryption Mode",
        ["channel_binding"] = "Channel Binding",
        ["passfile"] = "Passfile",
        ["krbsrvname"] = "Kerberos Service Name",
        ["client_encoding"] = "Client Encoding",
        ["keepalives_idle"] = "Tcp Keepalive Time",
    };

    /// <summary>The setting as Npgsql names it, with libpq's hyphenated SSL modes renamed.</summary>
    public static (string Key, string Value) ForNpgsql(string key, string value)
    {
        if (!Keys.TryGetValue(key, out var npgsqlKey))
            return (key, value);
        return npgsqlKey == "SSL Mode" ? (npgsqlKey, value.ToLowerInvariant() switch
        {
            "verify-full" => "VerifyFull",
            "verify-ca" => "VerifyCA",
            _ => value,
        }) : (npgsqlKey, value);
    }
}
