using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Retort.Ops;
using Retort.Scripting;

namespace Retort.Tests.Scripting;

public sealed class ScriptReferenceTests
{
    [Fact]
    public async Task Revisions_compile_against_an_extra_model_assembly_and_load_it_from_its_path()
    {
        using var folder = new ScriptFolder();
        string model = EmitModelAssembly(folder, "public static string Table() => \"users\";");
        folder.Write("a.cs", RevisionUsingModel(Path.GetFileNameWithoutExtension(model)));

        var scripts = await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache, [model]);

        Assert.Equal([new ExecuteSqlOperation("DROP TABLE users")], RecordedOperations.Upgrade(scripts.CreateMigration("aaaa")));
    }

    [Fact]
    public async Task A_changed_extra_reference_compiles_the_scripts_again()
    {
        using var folder = new ScriptFolder();
        string model = EmitModelAssembly(folder, "public static string Table() => \"users\";");
        folder.Write("a.cs", RevisionUsingModel(Path.GetFileNameWithoutExtension(model)));
        await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache, [model]);
        EmitModelAssembly(folder, "public static string Table() => \"people\";", Path.GetFileNameWithoutExtension(model));
        var compiler = new ScriptCompiler();

        var scripts = await compiler.CompileAsync(folder.Files, folder.Cache, [model]);

        Assert.False(scripts.FromCache);
        Assert.Equal(1, compiler.CompilationCount);
    }

    [Fact]
    public async Task A_cache_folder_that_cannot_be_created_does_not_stop_the_compile()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("aaaa", "First", upgradeSql: "SELECT 'uncached'");
        string notAFolder = folder.Write("cache-is-a-file.txt", "");

        var scripts = await new ScriptCompiler().CompileAsync(folder.Files, notAFolder);

        Assert.Equal([new ExecuteSqlOperation("SELECT 'uncached'")], RecordedOperations.Upgrade(scripts.CreateMigration("aaaa")));
    }

    [Fact]
    public async Task A_cancelled_compile_stops_with_OperationCanceledException()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("aaaa", "First");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ScriptCompiler().CompileAsync(folder.Files, folder.Cache, null, new CancellationToken(canceled: true)));
    }

    private static string RevisionUsingModel(string modelAssembly) => $$"""
        using Retort;

        [Revision("aaaa")]
        public sealed class DropUsers : Migration
        {
            public override void Upgrade(Operations op) => op.Execute("DROP TABLE " + {{modelAssembly}}.Names.Table());
        }
        """;

    // A model assembly outside the application's dependencies, so the runtime can only find it by its path.
    private static string EmitModelAssembly(ScriptFolder folder, string member, string? name = null)
    {
        name ??= "Models" + Guid.NewGuid().ToString("N");
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText($"namespace {name}; public static class Names {{ {member} }}")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        string path = Path.Combine(folder.Root, name + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join('\n', result.Diagnostics));
        return path;
    }
}
