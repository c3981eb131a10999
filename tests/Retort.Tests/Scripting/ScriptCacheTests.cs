using Retort.Ops;
using Retort.Scripting;
using Retort.Scripting.Internal;

namespace Retort.Tests.Scripting;

public sealed class ScriptCacheTests
{
    [Fact]
    public async Task A_second_compile_of_the_same_files_comes_from_the_cache_without_running_Roslyn()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("aaaa", "First", upgradeSql: "CREATE TABLE a (id int)");
        var cold = new ScriptCompiler();
        await cold.CompileAsync(folder.Files, folder.Cache);
        var warm = new ScriptCompiler();

        var scripts = await warm.CompileAsync(folder.Files, folder.Cache);

        Assert.True(scripts.FromCache);
        Assert.Equal(1, cold.CompilationCount);
        Assert.Equal(0, warm.CompilationCount);
        Assert.Equal([new ExecuteSqlOperation("CREATE TABLE a (id int)")], RecordedOperations.Upgrade(scripts.CreateMigration("aaaa")));
    }

    [Fact]
    public async Task The_order_in_which_files_are_given_does_not_change_the_cache_entry()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("aaaa", "First");
        folder.WriteRevision("bbbb", "Second", revises: "aaaa");
        await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);
        var warm = new ScriptCompiler();

        var scripts = await warm.CompileAsync(folder.Files.Reverse().ToList(), folder.Cache);

        Assert.True(scripts.FromCache);
        Assert.Equal(0, warm.CompilationCount);
    }

    [Fact]
    public async Task Changing_one_file_compiles_again_and_runs_the_new_content()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("aaaa", "First", upgradeSql: "SELECT 'old'");
        folder.WriteRevision("bbbb", "Second", revises: "aaaa");
        await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);
        folder.WriteRevision("aaaa", "First", upgradeSql: "SELECT 'new'");
        var compiler = new ScriptCompiler();

        var scripts = await compiler.CompileAsync(folder.Files, folder.Cache);

        Assert.False(scripts.FromCache);
        Assert.Equal(1, compiler.CompilationCount);
        Assert.Equal([new ExecuteSqlOperation("SELECT 'new'")], RecordedOperations.Upgrade(scripts.CreateMigration("aaaa")));
        Assert.Equal(2, Directory.GetFiles(folder.Cache, "*.dll").Length);
    }

    [Fact]
    public async Task A_damaged_cache_file_is_compiled_again_and_replaced()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("aaaa", "First", upgradeSql: "SELECT 'fine'");
        // Damage the entry before any compile in this process could load it.
        var inputs = ScriptInputs.Read(folder.Files, [], Path.GetFullPath(folder.Cache), CancellationToken.None);
        Directory.CreateDirectory(folder.Cache);
        string entry = Path.Combine(folder.Cache, inputs.ComputeKey() + ".dll");
        await File.WriteAllBytesAsync(entry, [0x4D, 0x5A, 0x00, 0x01]);
        var compiler = new ScriptCompiler();

        var scripts = await compiler.CompileAsync(folder.Files, folder.Cache);

        Assert.Equal(1, compiler.CompilationCount);
        Assert.Equal([new ExecuteSqlOperation("SELECT 'fine'")], RecordedOperations.Upgrade(scripts.CreateMigration("aaaa")));
        Assert.True(new FileInfo(entry).Length > 1000);
    }

    [Fact]
    public async Task The_cache_keeps_only_the_most_recently_used_entries()
    {
        using var folder = new ScriptFolder();
        for (int i = 0; i < ScriptSettings.CacheEntriesKept + 2; i++)
        {
            folder.WriteRevision("aaaa", "First", upgradeSql: $"SELECT {i}");
            await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);
        }

        Assert.Equal(ScriptSettings.CacheEntriesKept, Directory.GetFiles(folder.Cache, "*.dll").Length);
    }

    [Fact]
    public async Task Concurrent_compiles_of_the_same_files_all_succeed_and_leave_one_whole_entry()
    {
        using var folder = new ScriptFolder();
        for (int i = 0; i < 20; i++)
        {
            folder.WriteRevision($"r{i:d4}", $"Step{i}", revises: i == 0 ? null : $"r{i - 1:d4}", upgradeSql: $"SELECT {i}");
        }
        var start = new TaskCompletionSource();
        var compiles = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                return await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);
            }))
            .ToList();

        start.SetResult();
        var results = await Task.WhenAll(compiles);

        Assert.All(results, r => Assert.Equal(20, r.RevisionIds.Count));
        Assert.Single(Directory.GetFiles(folder.Cache, "*.dll"));
        Assert.Empty(Directory.GetFiles(folder.Cache, "*.tmp"));
        var again = new ScriptCompiler();
        var warm = await again.CompileAsync(folder.Files, folder.Cache);
        Assert.Equal(0, again.CompilationCount);
        Assert.Equal([new ExecuteSqlOperation("SELECT 19")], RecordedOperations.Upgrade(warm.CreateMigration("r0019")));
    }

    [Fact]
    public async Task Readers_never_see_part_of_an_entry_while_writers_replace_it()
    {
        using var folder = new ScriptFolder();
        var cache = new ScriptCache(folder.Cache);
        var image = Enumerable.Range(0, 4 << 20).Select(i => (byte)i).ToArray();
        await cache.WriteAsync("key", image, CancellationToken.None);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await cache.WriteAsync("key", image, CancellationToken.None);
            }
        }));
        var reader = Task.Run(async () =>
        {
            int reads = 0;
            while (!stop.IsCancellationRequested)
            {
                await Task.Yield();
                var read = cache.TryRead("key");
                Assert.Equal(image.Length, read?.Length);
                reads++;
            }
            return reads;
        });

        await Task.WhenAll(writers);
        Assert.True(await reader > 0);
        Assert.Empty(Directory.GetFiles(folder.Cache, "*.tmp"));
    }
}
