using Retort.Configuration;
using Retort.Revisions;

namespace Retort.Tests.Revisions;

/// <summary>The cache of revision headers: unchanged files are not read again; changed, new and recent ones are.</summary>
public sealed class HeaderCacheTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("retort-headers");
    private readonly RetortConfig _config;

    public HeaderCacheTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "migrations", "versions"));
        _config = ConfigFile.Parse("{}", Path.Combine(_dir.FullName, "retort.json"), null, new Dictionary<string, string>());
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string file, string id, DateTime? modified)
    {
        var path = Path.Combine(_dir.FullName, "migrations", "versions", file);
        File.WriteAllText(path, $"using Retort;\n[Revision(\"{id}\")]\npublic sealed class R : Migration {{ }}\n");
        if (modified is { } time)
            File.SetLastWriteTimeUtc(path, time);
        return path;
    }

    private string[] Ids() => [.. ScriptDirectory.Load(_config).Headers.Select(h => h.Id)];

    [Fact]
    public void An_unchanged_file_is_taken_from_the_cache_without_being_read()
    {
        var anHourAgo = DateTime.UtcNow.AddHours(-1);
        Write("a.cs", "aaaa00000001", anHourAgo);
        Assert.Equal(["aaaa00000001"], Ids());
        Assert.True(File.Exists(Path.Combine(_dir.FullName, ".retort", "cache", "headers")));

        // Same size and time: only the cache can answer a1, so it was not read.
        Write("a.cs", "bbbb00000002", anHourAgo);
        Assert.Equal(["aaaa00000001"], Ids());
        // Another time is another file.
        Write("a.cs", "bbbb00000002", anHourAgo.AddSeconds(1));
        Assert.Equal(["bbbb00000002"], Ids());
    }

    [Fact]
    public void A_file_modified_in_the_last_two_seconds_is_not_trusted_to_the_cache()
    {
        var now = DateTime.UtcNow;
        Write("a.cs", "aaaa00000001", now);
        Assert.Equal(["aaaa00000001"], Ids());
        Write("a.cs", "bbbb00000002", now);
        Assert.Equal(["bbbb00000002"], Ids());
    }

    [Fact]
    public void New_and_deleted_files_and_a_damaged_cache_are_seen()
    {
        var anHourAgo = DateTime.UtcNow.AddHours(-1);
        var a = Write("a.cs", "aaaa00000001", anHourAgo);
        Assert.Equal(["aaaa00000001"], Ids());
        Write("b.cs", "bbbb00000002", anHourAgo);
        Assert.Equal(["aaaa00000001", "bbbb00000002"], Ids());
        File.Delete(a);
        Assert.Equal(["bbbb00000002"], Ids());
        File.WriteAllText(Path.Combine(_dir.FullName, ".retort", "cache", "headers"), "not a cache");
        Assert.Equal(["bbbb00000002"], Ids());
    }

    [Fact]
    public void The_checksum_comes_with_the_header()
    {
        var path = Write("a.cs", "aaaa00000001", DateTime.UtcNow.AddHours(-1));
        Assert.Equal(ScriptChecksum.OfFile(path), ScriptDirectory.Load(_config).ChecksumOf(path));
        Assert.Equal(ScriptChecksum.OfFile(path), ScriptDirectory.Load(_config).ChecksumOf(path));
        Assert.Null(ScriptDirectory.Load(_config).ChecksumOf(Path.Combine(_dir.FullName, "elsewhere.cs")));
    }
}
