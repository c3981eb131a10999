using System.Data.Common;
using Retort.Configuration;
using Retort.Dialects;
using Retort.Execution;

namespace Retort;

public sealed partial class Fleet
{
    /// <summary>
    /// The targets of <paramref name="sections"/> (<see cref="ConfigFile.LoadSections"/>) that pass every condition of
    /// <paramref name="where"/> (<c>tag=NAME</c>, <c>section=NAME</c>, <c>name=TARGET</c>): each section one target, or the databases its
    /// <c>targets</c> set lists, read now with <paramref name="connect"/>. The schemas of a schema set share one pool of
    /// connections; every other target's connections are unpooled, so that a finished target holds no connection open
    /// while the rest run.
    /// </summary>
    public static async Task<IReadOnlyList<FleetTarget>> TargetsAsync(IReadOnlyList<ConfigSection> sections, IReadOnlyList<string> where,
        ConnectionFactory connect, CancellationToken cancellationToken = default)
    {
        var chosen = sections.ToList();
        var names = new List<string>();
        foreach (var condition in where)
        {
            // A target's name is known only once its section's set is read.
            if (condition.StartsWith("name=", StringComparison.Ordinal))
            {
                names.Add(condition[5..]);
                continue;
            }
            var equals = condition.IndexOf('=');
            var (key, value) = equals > 0 ? (condition[..equals], condition[(equals + 1)..]) : ("", "");
            var known = key switch
            {
                "tag" => [.. sections.SelectMany(s => s.Config.Tags).Distinct().Order(StringComparer.Ordinal)],
                "section" => sections.Select(s => s.Name).ToList(),
                _ => throw new RetortException($"--where takes tag=NAME, section=NAME or name=TARGET, not '{condition}'"),
            };
            if (!known.Contains(value))
                throw new RetortException(known.Count == 0
                    ? $"--where {condition}: no section of {File(sections)} has {key}s (set \"tags\": [\"{value}\"] in a section)"
                    : $"--where {condition}: no section has {key} '{value}'; the {key}s are {string.Join(", ", known)}");
            chosen = [.. chosen.Where(s => key == "tag" ? s.Config.Tags.Contains(value) : s.Name == value)];
        }
        if (chosen.Count == 0)
            throw new RetortException($"No section of {File(sections)} passes --where {string.Join(" --where ", where)}");
        var targets = new List<FleetTarget>();
        foreach (var section in chosen)
            targets.AddRange(await MembersAsync(section, connect, cancellationToken, unpooled: true));
        foreach (var name in names)
        {
            if (!targets.Any(t => t.Name == name))
                throw new RetortException($"--where name={name}: no target is named '{name}' (there are {targets.Count}: {string.Join(", ", targets.Take(5).Select(t => t.Name))}{(targets.Count > 5 ? ", …" : "")})");
            targets = [.. targets.Where(t => t.Name == name)];
        }
        if (targets.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new RetortException($"Two targets are named '{twice.Key}' (sections {string.Join(", ", twice.Select(t => t.Section).Distinct())}); rename a section");
        return targets;
    }

    /// <summary>
    /// The one database <paramref name="name"/> names, as <c>-n NAME</c> picks it: the section of that name, else the
    /// member of a section's target set that a fleet run's summary shows as <paramref name="name"/> (its schema, or its
    /// database's name), each set read once with <paramref name="connect"/>.
    /// </summary>
    /// <exception cref="RetortException">No section or member has that name (the message names the closest names), or two members have it.</exception>
    public static async Task<FleetTarget> FindAsync(IReadOnlyList<ConfigSection> sections, string name, ConnectionFactory connect,
        CancellationToken cancellationToken = default)
    {
        if (sections.FirstOrDefault(s => s.Name == name) is { } section)
            return new FleetTarget(section.Name, section.Name, section.Config);
        var members = new List<FleetTarget>();
        foreach (var set in sections.Where(s => s.Config.Targets.IsSet))
            members.AddRange(await MembersAsync(set, connect, cancellationToken, unpooled: false));
        var found = members.Where(t => t.Name == name).ToList();
        if (found.Count > 1)
            throw new RetortException($"-n {name}: sections {string.Join(" and ", found.Select(t => t.Section))} each list a target named '{name}'; pick one with --all --where section={found[0].Section} --where name={name}");
        if (found.Count == 1)
            return found[0];
        var close = ConfigFile.Closest(name, [.. sections.Select(s => s.Name), .. members.Select(t => t.Name)], 3);
        throw new RetortException($"-n {name}: no section of {File(sections)} and no member of its target sets ({members.Count}) is named '{name}'" +
            (close.Count > 0 ? $"; did you mean {string.Join(", ", close.Select(c => $"'{c}'"))}?" : $"; the sections are {string.Join(", ", sections.Select(s => s.Name))}"));
    }

    // The databases of one section: the section itself, or the members of its set; UNPOOLED for a run of many (see Unpooled).
    private static async Task<IEnumerable<FleetTarget>> MembersAsync(ConfigSection section, ConnectionFactory connect, CancellationToken cancellationToken,
        bool unpooled)
    {
        if (!section.Config.Targets.IsSet)
            return [new FleetTarget(section.Name, section.Name, unpooled ? Unpooled(section.Config) : section.Config)];
        var listed = await ListAsync(section, connect, cancellationToken);
        return section.Config.Targets.Each == "schema" ? InSchemas(section, listed)
            : AtUrls(section, listed).Select(t => unpooled ? t with { Config = Unpooled(t.Config) } : t);
    }

    private static string File(IReadOnlyList<ConfigSection> sections) => sections.FirstOrDefault()?.Config.FilePath ?? "the config";

    // The values a section's set lists: the first column of its query's rows, or its file's lines.
    private static async Task<IReadOnlyList<string>> ListAsync(ConfigSection section, ConnectionFactory connect, CancellationToken cancellationToken)
    {
        var set = section.Config.Targets;
        var where = $"{section.Config.FilePath}: sections.{section.Name}.targets";
        List<string> values;
        if (set.File is { } file)
        {
            if (!System.IO.File.Exists(file))
                throw new RetortException($"{where}.file: {file} does not exist");
            values = [.. (await System.IO.File.ReadAllLinesAsync(file, cancellationToken)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
        }
        else
        {
            var url = DatabaseUrl.From(section.Config);
            try
            {
                await using var connection = connect(url);
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = set.Query;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                values = [];
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (!reader.IsDBNull(0))
                        values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
                }
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                throw new RetortException($"{where}.query failed on {url.Display}: {Secrets.Scrub(StatementFailedException.OneLine(e.Message).TrimEnd('.'), url)}", e);
            }
        }
        if (values.Count == 0)
            throw new RetortException($"{where} lists no databases ({(set.File is null ? "the query returned no rows" : $"{set.File} has no lines")})");
        return values;
    }

    // Each value a schema of the section's PostgreSQL database: the target's search_path, so that its unqualified tables
    // land there, and its version table's schema.
    private static IEnumerable<FleetTarget> InSchemas(ConfigSection section, IReadOnlyList<string> schemas)
    {
        var url = DatabaseUrl.From(section.Config);
        if (url.Id != DialectId.Postgres)
            throw new RetortException($"{section.Config.FilePath}: sections.{section.Name}.targets.each \"schema\" is for PostgreSQL, and the section's database is {url.Dialect}; list URLs with \"each\": \"url\"");
        // One connection string for all the schemas, pooled: the connections a finished schema gave back serve the next
        // (each put in its schema as it opens), where an unpooled run paid three connects per schema.
        foreach (var schema in schemas)
            yield return new FleetTarget(schema, section.Name, section.Config with { VersionTableSchema = schema, SessionSchema = schema, Targets = new TargetSetSettings() });
    }

    // Each value a database URL, named by its database (a SQLite file's name without extension); by the URL where two share one.
    private static IEnumerable<FleetTarget> AtUrls(ConfigSection section, IReadOnlyList<string> urls)
    {
        var parsed = urls.Select(u => (Url: u, Database: DatabaseUrl.Parse(u, section.Config.BaseDirectory))).ToList();
        string NameOf(DatabaseUrl database)
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = database.ConnectionString };
            return builder.TryGetValue("Data Source", out var file) ? Path.GetFileNameWithoutExtension(Convert.ToString(file)!)
                : builder.TryGetValue("Database", out var name) ? Convert.ToString(name)! : database.Display;
        }
        var names = parsed.Select(p => NameOf(p.Database)).ToList();
        for (var i = 0; i < parsed.Count; i++)
        {
            var name = names.Count(n => n == names[i]) > 1 ? parsed[i].Database.Display : names[i];
            var config = section.Config with { Url = parsed[i].Url, Provider = null, ConnectionString = null, Targets = new TargetSetSettings() };
            yield return new FleetTarget(name, section.Name, config);
        }
    }

    // A pool per target would keep each finished target's connections open until the run ends: hundreds of them.
    private static RetortConfig Unpooled(RetortConfig config) => With(config, "Pooling", "false");

    // The config with one more connection setting, unless it names that setting already.
    private static RetortConfig With(RetortConfig config, string key, string value)
    {
        if (config.Url is { Length: > 0 } url)
        {
            var query = url.IndexOf('?');
            var given = query < 0 ? [] : url[(query + 1)..].Split('&').Select(p => Uri.UnescapeDataString(p.Split('=')[0]));
            return given.Contains(key, StringComparer.OrdinalIgnoreCase) ? config
                : config with { Url = $"{url}{(query < 0 ? '?' : '&')}{Uri.EscapeDataString(key)}={Uri.EscapeDataString(value)}" };
        }
        if (config.ConnectionString is not { Length: > 0 } connectionString)
            return config;
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!builder.ContainsKey(key))
            builder[key] = value;
        return config with { ConnectionString = builder.ConnectionString };
    }
}
