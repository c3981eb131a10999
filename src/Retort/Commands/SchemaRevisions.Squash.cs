using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Execution;
using Retort.Ops;
using Retort.Revisions;

namespace Retort;

public sealed partial class SchemaRevisions
{
    /// <summary>
    /// Replaces the revisions <c>FROM:TO</c> with one revision (<c>retort squash</c>) whose upgrade is the schema at TO
    /// less the schema before FROM, both made by the revisions on a scratch database of the project's kind and compared
    /// by autogenerate's differ (renames the range makes are written as renames), and whose downgrade is the reverse. The
    /// new revision revises FROM's parents and lists the revisions it replaces (<c>Replaces</c>); the revisions on TO are
    /// rewritten to revise it, and a database at TO is at it. Before anything is written it is proven on scratch
    /// databases: upgraded through it, a database has the schema of one upgraded through the range, and its downgrade
    /// gives back the schema before FROM; a proof that fails changes nothing and reports the differences. Then the
    /// replaced files are deleted (version control keeps them).
    /// </summary>
    /// <exception cref="RetortException">
    /// The range is not one line that only its last revision leads out of, something outside depends on a revision in its
    /// middle, or it changes data (unless <see cref="SquashRequest.KeepDataMigrations"/>), reads <c>op.Connection</c>, or
    /// makes functions or procedures, which the comparison does not read.
    /// </exception>
    public async Task<SquashReport> SquashAsync(SquashRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Config.Databases.Count > 0)
            throw new RetortException($"squash writes the schema difference of one database, and this project's revisions serve several ({string.Join(", ", Config.Databases)})");
        var scripts = _commands.Scripts;
        var range = SquashRange.Of(scripts.Map, request.Range);
        var server = Server(request.ScratchUrl);
        var scratch = _commands.Scratch(server);
        var dialect = scratch.Dialect;
        var (recorded, data) = Recorded(range, dialect, request);
        var schemas = await scratch.ReplayAsync(scripts.Map, [[.. range.From.DownRevisions, .. range.Dependencies], [range.To.Id]], null, cancellationToken);
        var options = Strict();
        var diff = SchemaComparer.Compare(RenameTrail.Hint(schemas[0], schemas[1], recorded), schemas[0], dialect, options);
        var (header, text) = _commands.RevisionFiles().Render(request.Message, range.From.DownRevisions, range.Labels, range.Dependencies,
            request.RevisionId, null, null, Upgrades(range, dialect, diff, data), Downgrades(range, diff), Replaced(range));
        var dataLines = data.Select(d => $"{d.Revision.Id}: {OperationSummary.Describe(d.Operation)}").ToList();
        var trialFolder = Directory.CreateTempSubdirectory("retort-squash");
        try
        {
            var trial = Trial(scripts, range, header, text, trialFolder.FullName);
            var proof = await _commands.With(trial).Scratch(server)
                .ReplayAsync(trial.Map, [[header.Id]], trial.Map[header.Id], cancellationToken);
            List<string> differences =
            [
                .. Compared(dialect, schemas[1], proof[0], options).Select(d => $"upgraded through {header.Id} rather than {range.To.Id}: {d}"),
                .. Compared(dialect, schemas[0], proof[1], options).Select(d => $"downgraded through {header.Id} rather than to before {range.From.Id}: {d}"),
            ];
            var written = differences.Count == 0 && !request.DryRun;
            var (rewired, deleted) = written ? Apply(range, header, text) : ([], []);
            return new SquashReport(header.Id, header.Path!, [.. range.Chain.Select(r => r.Id)], scratch.Where, diff.Upgrade.Count + data.Count,
                dataLines, rewired, deleted, diff.Warnings, differences, written);
        }
        finally
        {
            trialFolder.Delete(recursive: true);
        }
    }

    // The revisions the squash stands for: the range, and before each squash in it the revisions that one replaced, so that
    // a database at any of them is still told where it is. The range's last revision stays last.
    private static List<string> Replaced(SquashRange range) => [.. range.Chain.SelectMany(r => r.Header.Replaces.Append(r.Id))];

    // The server a squash is computed on: the one given, else the project's own; none (a temporary file) for SQLite.
    private string? Server(string? given)
    {
        var url = given ?? Config.Url;
        if (url is null && Config.ConnectionString is null)
            return null;
        var database = url is null ? Configuration.DatabaseUrl.From(Config) : Configuration.DatabaseUrl.Parse(url, Config.BaseDirectory);
        if (database.Id == DialectId.Sqlite)
            return null;
        return url ?? throw new RetortException("squash computes the schemas on a scratch database on the project's server, which needs a URL; pass --url with the server's");
    }

    // Every difference the comparison can see: types as declared, defaults, names, whatever the project compares.
    private CompareOptions Strict() => CompareOptions.From(Config, new(Config.VersionTable, Config.VersionTableSchema)) with
    {
        CompareType = true,
        CompareServerDefault = true,
        CompareDeclaredTypes = true,
    };

    private static List<string> Compared(Dialect dialect, DatabaseSchema from, DatabaseSchema to, CompareOptions options) =>
        [.. SchemaComparer.Compare(to, from, dialect, options).Upgrade.Select(OperationSummary.Describe)];

    // A data operation of the range, with its revision.
    private sealed record DataOperation(Revision Revision, MigrationOperation Operation);

    /// <summary>
    /// The operations the range's upgrades call, recorded as they would run on <paramref name="dialect"/>'s database, and
    /// its data operations; refuses what a squash cannot carry.
    /// </summary>
    private (List<MigrationOperation> Recorded, List<DataOperation> Data) Recorded(SquashRange range, Dialect dialect, SquashRequest request)
    {
        RetortException Refuse(string why) => new($"Cannot squash '{request.Range}': {why}");
        var source = _commands.LoadMigrations();
        var recorded = new List<MigrationOperation>();
        var data = new List<DataOperation>();
        foreach (var revision in range.Chain)
        {
            var recording = MigrationRecording.Of(() => source.Create(revision), upgrade: true, dialect, null, null);
            if (recording.ReadsConnection)
                throw Refuse($"revision {revision.Id} reads op.Connection in its upgrade (a data migration written in ADO.NET), which a squash cannot copy; squash the revisions before it or after it");
            if (recording.Failure is { } failure)
                throw Refuse($"the upgrade of revision {revision.Id} cannot be recorded without a database ({failure.Message.ReplaceLineEndings(" ")})");
            if (recording.Operations.OfType<CreateObjectOperation>().FirstOrDefault(o => o.Kind != ObjectKind.View) is { } routine)
                throw Refuse($"revision {revision.Id} adds {routine.Kind.ToString().ToLowerInvariant()} '{routine.Name}', which the comparison of schemas does not read; squash the revisions before it or after it");
            recorded.AddRange(recording.Operations);
            data.AddRange(recording.Operations.Where(o => o is ExecuteSqlOperation or BulkInsertOperation).Select(o => new DataOperation(revision, o)));
        }
        if (data.Count > 0 && !request.KeepDataMigrations)
            throw Refuse($"{data.Select(d => d.Revision).Distinct().Count()} of its revisions change data ({string.Join("; ", data.Select(d => $"{d.Revision.Id} {OperationSummary.Describe(d.Operation)}"))}); " +
                "pass --keep-data-migrations to copy their data operations into the squash, in order, after its schema operations, or squash a range without them");
        return (recorded, data);
    }

    private static string Upgrades(SquashRange range, Dialect dialect, SchemaDiff diff, List<DataOperation> data)
    {
        var text = $"// Generated by retort squash from {Described(range)} on {dialect.Name}: the schema at {range.To.Id} less the schema before {range.From.Id}.\n" +
            CSharpWriter.Operations(diff.Upgrade, "", diff.Notes);
        if (data.Count == 0)
            return text;
        text += "// The data operations of the squashed revisions, in their order (retort squash --keep-data-migrations):\n";
        foreach (var group in data.GroupBy(d => d.Revision))
            text += $"// from {group.Key.Id} ({group.Key.Header.Message})\n" + CSharpWriter.Operations([.. group.Select(d => d.Operation)], "");
        return text;
    }

    private static string Downgrades(SquashRange range, SchemaDiff diff) =>
        $"// Generated by retort squash: back to the schema before {range.From.Id}.\n" + CSharpWriter.Operations(diff.Downgrade, "");

    private static string Described(SquashRange range) =>
        range.Chain.Count == 1 ? $"revision {range.From.Id}" : $"{range.Chain.Count} revisions, {range.From.Id} to {range.To.Id}";

    /// <summary>
    /// The revisions as the squash would leave them, for the proof: the range gone, the squash in a file of
    /// <paramref name="folder"/>, and the revisions on the range's last one on the squash.
    /// </summary>
    private ScriptDirectory Trial(ScriptDirectory scripts, SquashRange range, RevisionHeader squash, string text, string folder)
    {
        var path = Path.Combine(folder, Path.GetFileName(squash.Path!));
        File.WriteAllText(path, text);
        var replaced = range.Chain.ToDictionary(r => r.Id, r => r.Header.Path);
        var headers = scripts.Map.All.Where(r => !replaced.ContainsKey(r.Id))
            .Select(r => range.Dependents.Contains(r) ? Rewired(scripts.Map, r.Header, range.To.Id, squash.Id) : r.Header)
            .Append(squash with { Path = path });
        var files = scripts.Files.Where(f => !replaced.ContainsValue(f)).Append(path);
        return ScriptDirectory.Of(Config, [.. headers], [.. files]);
    }

    // A header whose parent or dependency is the range's last revision, on the squash instead; a label stays a label.
    private static RevisionHeader Rewired(RevisionMap map, RevisionHeader header, string to, string squash) => header with
    {
        DownRevisions = [.. header.DownRevisions.Select(p => p == to ? squash : p)],
        DependsOn = [.. header.DependsOn.Select(d => NamesRevision(map, d, to) ? squash : d)],
    };

    // Whether a DependsOn entry names the revision (by id or prefix), rather than a branch label it may carry.
    private static bool NamesRevision(RevisionMap map, string dependency, string id) =>
        !map.All.Any(r => r.Header.BranchLabels.Contains(dependency)) && map.Resolve(dependency).Single().Id == id;

    /// <summary>
    /// Writes the squash, rewires the files of the revisions on the range's last one, and deletes the replaced files, in
    /// that order: a run stopped halfway leaves a graph that says which files to delete.
    /// </summary>
    private (List<string> Rewired, List<string> Deleted) Apply(SquashRange range, RevisionHeader squash, string text)
    {
        if (File.Exists(squash.Path))
            throw new RetortException($"{squash.Path} already exists");
        File.WriteAllText(squash.Path!, text);
        var map = _commands.Scripts.Map;
        var rewired = new List<string>();
        foreach (var dependent in range.Dependents)
        {
            var path = dependent.Header.Path!;
            var before = File.ReadAllText(path);
            var after = RevisionFileEdit.Rewrite(before, path, ["Revises", "revises"], range.To.Id, squash.Id);
            foreach (var dependency in dependent.Header.DependsOn.Where(d => NamesRevision(map, d, range.To.Id)))
                after = RevisionFileEdit.Rewrite(after, path, ["DependsOn"], dependency, squash.Id);
            if (after == before)
                continue;
            File.WriteAllText(path, after);
            rewired.Add(path);
        }
        var deleted = new List<string>();
        foreach (var revision in range.Chain)
        {
            File.Delete(revision.Header.Path!);
            deleted.Add(revision.Header.Path!);
        }
        _commands.Reload();
        return (rewired, deleted);
    }
}
