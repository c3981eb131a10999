using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using Retort.Configuration;
using Retort.Revisions;

namespace Retort;

/// <summary>
/// What <c>retort bundle</c> appends to a copy of the runner (this CLI published without Roslyn): a zip of the project's
/// retort.json as written, its revisions' headers (messages and docs are not compiled), its compiled revisions and its
/// model assemblies, then the zip's offset and a magic word.
/// The .NET single-file host finds its own files from a header inside the executable, so bytes after its end are left to
/// whoever reads them: the runner reads its own file at start and, finding a payload, runs as the project's bundle.
/// </summary>
public sealed partial class Bundle
{
    private static readonly byte[] Magic = "RTBUNDL1"u8.ToArray();
    private const string ConfigEntry = "retort.json";
    private const string RevisionsEntry = "revisions.dll";
    private const string HeadersEntry = "revisions.json";
    private const string ModelFolder = "model/";

    private readonly string _configText;
    private readonly IReadOnlyList<RevisionHeader> _headers;
    private readonly IReadOnlyList<Assembly> _assemblies;

    private Bundle(string path, string configText, IReadOnlyList<RevisionHeader> headers, IReadOnlyList<Assembly> assemblies)
    {
        Path = path;
        _configText = configText;
        _headers = headers;
        _assemblies = assemblies;
    }

    /// <summary>The bundle's executable.</summary>
    public string Path { get; }

    /// <summary>The command name the bundle was started as (<c>migrate</c>), for its messages.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>The payload of the running executable, or null when it is the plain CLI.</summary>
    public static Bundle? OfThisProcess() =>
        Environment.ProcessPath is { } path && !path.EndsWith("dotnet", StringComparison.Ordinal) ? Open(path) : null;

    /// <summary>The payload of the executable at <paramref name="path"/>, or null when it has none.</summary>
    public static Bundle? Open(string path)
    {
        using var file = File.OpenRead(path);
        if (PayloadStart(file, path) is not { } start)
            return null;
        file.Seek(start, SeekOrigin.Begin);
        var zipped = new byte[file.Length - 16 - start];
        file.ReadExactly(zipped);
        try
        {
            return Read(path, new MemoryStream(zipped));
        }
        catch (Exception e) when (e is InvalidDataException or BadImageFormatException or FileLoadException or JsonException)
        {
            throw new RetortException($"{path}: the bundle's payload is damaged ({e.Message}); write it again with 'retort bundle'");
        }
    }

    private static Bundle Read(string path, MemoryStream zipped)
    {
        using var zip = new ZipArchive(zipped, ZipArchiveMode.Read);
        var config = Read(zip, ConfigEntry, path);
        // Model assemblies first: the revisions' assembly refers to them.
        var assemblies = new List<Assembly>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(ModelFolder, StringComparison.Ordinal)))
            assemblies.Add(Load(entry));
        var revisions = zip.GetEntry(RevisionsEntry) ?? throw new RetortException($"{path}: the bundle holds no {RevisionsEntry}; write it again with 'retort bundle'");
        assemblies.Insert(0, Load(revisions));
        var headers = JsonSerializer.Deserialize(Read(zip, HeadersEntry, path), HeadersJson.Default.ListRevisionHeader)
            ?? throw new RetortException($"{path}: the bundle's {HeadersEntry} is empty; write it again with 'retort bundle'");
        return new Bundle(path, Encoding.UTF8.GetString(config), headers, assemblies);
    }

    // Where the payload starts, or null for an executable without one.
    private static long? PayloadStart(FileStream file, string path)
    {
        if (file.Length < 16)
            return null;
        file.Seek(-16, SeekOrigin.End);
        Span<byte> trailer = stackalloc byte[16];
        file.ReadExactly(trailer);
        if (!trailer[8..].SequenceEqual(Magic))
            return null;
        var start = BitConverter.ToInt64(trailer[..8]);
        return start > 0 && start < file.Length - 16 ? start
            : throw new RetortException($"{path}: the bundle's payload is damaged (offset {start}); write it again with 'retort bundle'");
    }

    private static byte[] Read(ZipArchive zip, string name, string path)
    {
        var entry = zip.GetEntry(name) ?? throw new RetortException($"{path}: the bundle holds no {name}; write it again with 'retort bundle'");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Assembly Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(copy);
    }

    /// <summary>
    /// The bundled retort.json, read as if it were in the current folder: <c>${NAME}</c> and <c>RETORT_URL</c> come from
    /// the environment the bundle runs in.
    /// </summary>
    public RetortConfig Config(string? section) => ConfigFile.Parse(_configText, ConfigPath, section, ConfigFile.ReadEnvironment());

    /// <summary>Every section of the bundled retort.json, as <see cref="ConfigFile.LoadSections"/> reads a file's: what <c>--all</c> runs.</summary>
    public IReadOnlyList<ConfigSection> Sections() => ConfigFile.ParseSections(_configText, ConfigPath, ConfigFile.ReadEnvironment());

    private string ConfigPath => System.IO.Path.Combine(Directory.GetCurrentDirectory(), $"retort.json in {Name}");

    /// <summary>The commands of the bundled revisions, for <paramref name="config"/>.</summary>
    public Commands Commands(RetortConfig config, ConnectionFactory connect, TextWriter log, MigrationPlan? plan, MigrationProgress? progress)
    {
        var (scripts, load) = Revisions(config);
        return new(scripts, connect, load, log) { Observer = plan is not null ? plan : progress };
    }

    /// <summary>The bundled revisions read for <paramref name="config"/>, and their compiled code: nothing is read from disk or compiled.</summary>
    internal (ScriptDirectory Scripts, MigrationLoader Load) Revisions(RetortConfig config) =>
        (ScriptDirectory.Of(config, _headers, []), (_, _) => Task.FromResult<MigrationSource>(new Source(_assemblies)));

    // The revisions' classes, and the project's Env class as the CLI would compile it (a class named Env, in any namespace).
    private sealed class Source(IReadOnlyList<Assembly> assemblies) : MigrationSource
    {
        private readonly MigrationSource _revisions = FromAssemblies(assemblies);

        public override Migration Create(Revision revision) => _revisions.Create(revision);

        public override Type? TypeOf(Revision revision) => _revisions.TypeOf(revision);

        public override MigrationEnvironment? CreateEnvironment() =>
            assemblies[0].GetTypes().FirstOrDefault(t => t.Name == "Env" && typeof(MigrationEnvironment).IsAssignableFrom(t)) is { } type
                ? (MigrationEnvironment?)Activator.CreateInstance(type)
                : null;
    }

    // revisions.json, read and written by generated code: reflection over the headers' shape cost each start of a
    // bundle some 20-40 ms of JIT (bench/bundle.sh: current 184 -> 90 ms).
    [System.Text.Json.Serialization.JsonSerializable(typeof(List<RevisionHeader>))]
    private sealed partial class HeadersJson : System.Text.Json.Serialization.JsonSerializerContext;

    /// <summary>
    /// Writes the bundle: <paramref name="runner"/> copied to <paramref name="output"/>, then the payload and its trailer.
    /// Written beside the output first and moved over it, so a failure leaves no half-written executable.
    /// </summary>
    /// <returns>What was bundled, for the line that says so.</returns>
    public static async Task<BundleSummary> WriteAsync(Commands commands, string runner, string output, string revisionsImage, CancellationToken cancellationToken)
    {
        var config = commands.Config;
        var configFile = config.FilePath ?? throw new RetortException("retort bundle needs a retort.json to put in the bundle");
        var configText = await File.ReadAllTextAsync(configFile, cancellationToken);
        if (UrlWithPassword(configText) is { } where)
            throw new RetortException($"{configFile}: {where} holds a password, which the bundle would carry to wherever it is copied; write it as \"${{DATABASE_URL}}\" (read when the bundle runs) or leave it out and give RETORT_URL or --url at run time");
        if (System.IO.Path.GetFullPath(output) == System.IO.Path.GetFullPath(runner))
            throw new RetortException($"--output {output} is the runner itself; name another file");
        var modelAssemblies = config.Model.Assemblies.Select(a => System.IO.Path.GetFullPath(a, config.BaseDirectory)).ToList();
        var headers = commands.Scripts.Headers.Select(h => h with { Path = null }).ToList();
        var temporary = output + ".partial";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                await using (var source = File.OpenRead(runner))
                {
                    // A bundle given as the runner gives its runner part, not its payload too.
                    var length = PayloadStart(source, runner) ?? source.Length;
                    source.Position = 0;
                    var buffer = new byte[81920];
                    for (long left = length; left > 0;)
                    {
                        var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
                        if (read == 0)
                            break;
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        left -= read;
                    }
                }
                var start = file.Position;
                // Made apart: a zip records its entries' offsets from its own start, which the reader sees as 0.
                using var payload = new MemoryStream();
                using (var zip = new ZipArchive(payload, ZipArchiveMode.Create, leaveOpen: true))
                {
                    await using (var entry = zip.CreateEntry(ConfigEntry).Open())
                        await entry.WriteAsync(Encoding.UTF8.GetBytes(configText), cancellationToken);
                    await using (var entry = zip.CreateEntry(HeadersEntry).Open())
                        await JsonSerializer.SerializeAsync(entry, headers, HeadersJson.Default.ListRevisionHeader, cancellationToken);
                    zip.CreateEntryFromFile(revisionsImage, RevisionsEntry, CompressionLevel.Optimal);
                    foreach (var model in modelAssemblies)
                        zip.CreateEntryFromFile(model, ModelFolder + System.IO.Path.GetFileName(model), CompressionLevel.Optimal);
                }
                payload.Position = 0;
                await payload.CopyToAsync(file, cancellationToken);
                await file.WriteAsync(BitConverter.GetBytes(start), cancellationToken);
                await file.WriteAsync(Magic, cancellationToken);
            }
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(runner) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            File.Move(temporary, output, overwrite: true);
            return new BundleSummary(headers.Count, [.. commands.Scripts.Map.Heads.Select(h => h.Id)], new FileInfo(output).Length);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // Where a "url" setting of the file (top level or a section) is a literal URL with a password, or null.
    private static string? UrlWithPassword(string text)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        foreach (var (path, url) in Urls(document.RootElement, ""))
            if (!url.Contains("${", StringComparison.Ordinal) && PasswordInUrl().IsMatch(url))
                return path;
        return null;
    }

    private static IEnumerable<(string Path, string Url)> Urls(JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
            yield break;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "url" && property.Value.ValueKind == JsonValueKind.String)
                yield return (prefix + "url", property.Value.GetString()!);
            else if (property.Value.ValueKind == JsonValueKind.Object)
                foreach (var found in Urls(property.Value, $"{prefix}{property.Name}."))
                    yield return found;
        }
    }

    // scheme://user:password@host, or password=… in a connection string.
    [System.Text.RegularExpressions.GeneratedRegex(@"://[^/@:\s]+:[^/@\s]+@|(?i)password\s*=")]
    private static partial System.Text.RegularExpressions.Regex PasswordInUrl();
}

/// <summary>What <c>retort bundle</c> wrote: how many revisions, the heads, the executable's size in bytes.</summary>
/// <param name="Revisions">The number of revisions bundled.</param>
/// <param name="Heads">The head revisions.</param>
/// <param name="Bytes">The executable's size.</param>
public sealed record BundleSummary(int Revisions, IReadOnlyList<string> Heads, long Bytes);
