using System.Reflection;
using System.Runtime.Loader;
using Retort.Scripting;

namespace Retort.Tests.Scripting;

public sealed class WarmPathTests
{
    [Fact]
    public async Task Loading_from_the_cache_never_asks_for_a_Roslyn_assembly()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("aaaa", "First");
        await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);
        // A fresh load context sees its own copies of Retort and Retort.Scripting, and records every
        // assembly they ask for while the warm path is JIT-compiled and run.
        var context = new RecordingLoadContext(AppContext.BaseDirectory);
        try
        {
            var compilerType = context.LoadFromAssemblyName(new AssemblyName("Retort.Scripting"))
                .GetType(typeof(ScriptCompiler).FullName!, throwOnError: true)!;
            object compiler = Activator.CreateInstance(compilerType)!;
            var compile = compilerType.GetMethod(nameof(ScriptCompiler.CompileAsync))!;
            var task = (Task)compile.Invoke(compiler, [folder.Files, folder.Cache, null, CancellationToken.None])!;
            await task;
            object scripts = task.GetType().GetProperty("Result")!.GetValue(task)!;
            object migration = scripts.GetType().GetMethod(nameof(CompiledScripts.CreateMigration))!.Invoke(scripts, ["aaaa"])!;

            Assert.True((bool)scripts.GetType().GetProperty(nameof(CompiledScripts.FromCache))!.GetValue(scripts)!);
            Assert.Equal("Migrations.First", migration.GetType().FullName);
            Assert.Contains("Retort", context.Requested);
            Assert.DoesNotContain(context.Requested, name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed class RecordingLoadContext(string directory) : AssemblyLoadContext(isCollectible: true)
    {
        public List<string> Requested { get; } = [];

        protected override Assembly? Load(AssemblyName name)
        {
            lock (Requested)
            {
                Requested.Add(name.Name!);
            }
            return name.Name is "Retort" or "Retort.Scripting"
                ? LoadFromAssemblyPath(Path.Combine(directory, name.Name + ".dll"))
                : null;
        }
    }
}
