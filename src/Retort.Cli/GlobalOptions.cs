using System.CommandLine;
using Retort.Configuration;

namespace Retort.Cli;

/// <summary>The options every command takes, and the config they lead to.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "The config file (default: retort.json, searched from the current folder upward)",
        Recursive = true,
        HelpName = "FILE",
    };

    public Option<string?> Name { get; } = new("--name", "-n")
    {
        Description = "The config section to use, for several databases in one retort.json, or one member of a section's target set (the name --all's summary shows)",
        Recursive = true,
        HelpName = "NAME",
    };

    public Option<string[]> X { get; } = new("-x")
    {
        Description = "KEY=VALUE for Env.cs (repeatable)",
        Recursive = true,
        HelpName = "KEY=VALUE",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Url { get; } = new("--url")
    {
        Description = "The database URL, overriding the config and RETORT_URL",
        Recursive = true,
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The EF Core DbContext of model.efCore, overriding model.efCore.context",
        Recursive = true,
        HelpName = "NAME",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Say more: full entries in listings, stack traces with errors",
        Recursive = true,
    };

    /// <summary>The payload when this process is a bundle (<c>retort bundle</c>): its retort.json and compiled revisions.</summary>
    public Bundle? Bundle { get; init; }

    /// <summary>The run's database providers (and its PostgreSQL pools).</summary>
    public Providers Providers { get; } = new();

    public void AddTo(Command root)
    {
        root.Add(Config);
        root.Add(Name);
        root.Add(X);
        root.Add(Url);
        root.Add(Context);
        root.Add(Verbose);
    }

    /// <summary>
    /// The config, with <c>--url</c> as its database unless <paramref name="urlNamesDatabase"/> is false (a command that
    /// takes it for the server of a scratch database).
    /// </summary>
    public RetortConfig Load(ParseResult result, bool urlNamesDatabase = true)
    {
        var config = Adjust(Named(result), result);
        config = config with { Url = (urlNamesDatabase ? result.GetValue(Url) : null) ?? config.Url };
        if (Database(config) is { } database)
        {
            StartupWarmup.Provider(this, database);
            RememberPassword(database);
        }
        return config;
    }

    // The section -n names (the top level without -n), else the member of a target set a fleet run shows by that name.
    private RetortConfig Named(ParseResult result)
    {
        var name = result.GetValue(Name);
        var inBundle = Bundle is not null && result.GetValue(Config) is null;
#if RETORT_NATIVE
        // The native front hands -n to the managed CLI (Engine.Handles), which can read target sets.
        return ConfigFile.Load(result.GetValue(Config), name);
#else
        try
        {
            return inBundle ? Bundle!.Config(name) : ConfigFile.Load(result.GetValue(Config), name);
        }
        catch (RetortException) when (name is not null && Sections(inBundle, result) is var sections
            && sections.Any(s => s.Config.Targets.IsSet) && sections.All(s => s.Name != name))
        {
            // Load is synchronous for every command; only this lookup, of a name no section has, reads the sets.
            return Fleet.FindAsync(sections, name, Providers.Create).GetAwaiter().GetResult().Config;
        }
#endif
    }

    // Read in an exception filter: should the file not read as sections, the filter fails and Load's error is the one shown.
    private IReadOnlyList<ConfigSection> Sections(bool inBundle, ParseResult result) =>
        inBundle ? Bundle!.Sections() : ConfigFile.LoadSections(result.GetValue(Config));

    /// <summary>The sections of the config for <c>--all</c>, each with <c>-x</c> and <c>--context</c> applied.</summary>
    public IReadOnlyList<ConfigSection> LoadSections(ParseResult result)
    {
        if (result.GetValue(Name) is { } name)
            throw new RetortException($"-n picks one section and --all runs them all; for part of the fleet use --where section={name} or --where tag=NAME");
        if (result.GetValue(Url) is not null)
            throw new RetortException("--url names one database and --all runs those retort.json names; leave one of them out");
        var sections = (Bundle is not null && result.GetValue(Config) is null ? Bundle.Sections() : ConfigFile.LoadSections(result.GetValue(Config))).Select(s => s with { Config = Adjust(s.Config, result) }).ToList();
        if (Database(sections[0].Config) is { } database)
            StartupWarmup.Provider(this, database);
        return sections;
    }

    // -x and --context, over the settings of the file.
    private RetortConfig Adjust(RetortConfig config, ParseResult result)
    {
        var x = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in result.GetValue(X) ?? [])
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
                throw new RetortException($"-x takes KEY=VALUE, not '{pair}'");
            x[pair[..equals]] = pair[(equals + 1)..];
        }
        config = config with { XArguments = x };
        if (result.GetValue(Context) is { } context)
        {
            if (!config.Model.EfCore.IsSet)
                throw new RetortException($"--context names a DbContext, but {config.FilePath ?? "the config"} sets no model.efCore (project or assembly)");
            config = config with { Model = config.Model with { EfCore = config.Model.EfCore with { Context = context } } };
        }
        return config;
    }

    // A config without a usable database has no provider to ready and no password to hide; the command reports it.
    private static DatabaseUrl? Database(RetortConfig config)
    {
        try
        {
            return DatabaseUrl.From(config);
        }
        catch (Exception e) when (e is RetortException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The password of the database this run uses, once known: errors are scrubbed of it.</summary>
    public string? Password { get; private set; }

    private void RememberPassword(DatabaseUrl database)
    {
        try
        {
            Password = Secrets.Password(database.ConnectionString);
        }
        catch (ArgumentException)
        {
            // A connection string the builder cannot read; the provider reports it when the command connects.
        }
    }
}
