using Retort.Scripting;

namespace Retort.Tests.Scripting;

public sealed class ScriptCompilationErrorTests
{
    [Fact]
    public async Task Compile_errors_are_one_line_each_with_the_path_as_given_and_one_based_positions()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("aaaa", "First");
        // The caller's spelling of the path (here with a "./" segment) is what the message shows.
        string broken = Path.Combine(folder.Versions, ".", "bbbb_broken.cs");
        File.WriteAllText(broken, """
            using Retort;

            [Revision("bbbb", Revises = "aaaa")]
            public sealed class Broken : Migration
            {
                public override void Upgrade(Operations op)
                {
                    op.Execute(undefinedName);
                    op.Frobnicate();
                }
            }
            """);
        string unused = folder.Write("cccc_warning.cs", """
            [Retort.Revision("cccc")]
            public sealed class OnlyWarns : Retort.Migration
            {
                public override void Upgrade(Retort.Operations op) { int unused = 1; }
            }
            """);

        var error = await Assert.ThrowsAsync<ScriptCompilationException>(() =>
            new ScriptCompiler().CompileAsync([folder.Files[0], broken, unused], folder.Cache));

        string[] expected =
        [
            $"{broken}(8,20): error CS0103: The name 'undefinedName' does not exist in the current context",
            $"{broken}(9,12): error CS1061: 'Operations' does not contain a definition for 'Frobnicate' and no " +
                "accessible extension method 'Frobnicate' accepting a first argument of type 'Operations' could be " +
                "found (are you missing a using directive or an assembly reference?)",
        ];
        Assert.Equal(expected, error.Errors);
        Assert.Equal(string.Join('\n', expected), error.Message);
        Assert.IsAssignableFrom<RetortException>(error);
    }

    [Fact]
    public async Task A_revision_attribute_on_a_class_that_is_not_a_migration_is_an_error()
    {
        using var folder = new ScriptFolder();
        string path = folder.Write("a.cs", """
            using Retort;

            [Revision("aaaa")]
            public sealed class NotAMigration { }
            """);

        var error = await Assert.ThrowsAsync<ScriptCompilationException>(() =>
            new ScriptCompiler().CompileAsync([path], folder.Cache));

        Assert.Equal(
            [$"{path}(4,21): error RTS0001: revision 'aaaa': class 'NotAMigration' must be a non-abstract, non-generic " +
             "class deriving from Retort.Migration with a parameterless constructor"],
            error.Errors);
    }

    [Fact]
    public async Task Two_classes_with_the_same_revision_id_are_an_error_naming_both()
    {
        using var folder = new ScriptFolder();
        string first = folder.WriteRevision("aaaa", "First");
        string second = folder.WriteRevision("aaaa", "Second");

        var error = await Assert.ThrowsAsync<ScriptCompilationException>(() =>
            new ScriptCompiler().CompileAsync([first, second], folder.Cache));

        string line = Assert.Single(error.Errors);
        Assert.Equal($"{second}(7,21): error RTS0002: revision id 'aaaa' is used by both 'First' and 'Second'", line);
    }

    [Fact]
    public async Task A_failed_compile_leaves_nothing_in_the_cache()
    {
        using var folder = new ScriptFolder();
        string path = folder.Write("a.cs", "class Broken {");

        await Assert.ThrowsAsync<ScriptCompilationException>(() => new ScriptCompiler().CompileAsync([path], folder.Cache));

        Assert.False(Directory.Exists(folder.Cache) && Directory.EnumerateFileSystemEntries(folder.Cache).Any());
    }
}
