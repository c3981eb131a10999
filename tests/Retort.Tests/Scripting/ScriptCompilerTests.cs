using Retort.Ops;
using Retort.Scripting;

namespace Retort.Tests.Scripting;

public sealed class ScriptCompilerTests
{
    [Fact]
    public async Task Compiled_revisions_record_their_upgrade_and_downgrade_operations()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("1a2b3c4d5e6f", "CreateUsers", upgradeSql: "CREATE TABLE users (id int)", downgradeSql: "DROP TABLE users");
        folder.WriteRevision("3f2a9c1b7d4e", "AddAddress", revises: "1a2b3c4d5e6f",
            upgradeSql: "ALTER TABLE users ADD address text", downgradeSql: "ALTER TABLE users DROP address");

        var scripts = await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);

        Assert.Equal(["1a2b3c4d5e6f", "3f2a9c1b7d4e"], scripts.RevisionIds.Order(StringComparer.Ordinal));
        Assert.Equal([new ExecuteSqlOperation("CREATE TABLE users (id int)")],
            RecordedOperations.Upgrade(scripts.CreateMigration("1a2b3c4d5e6f")));
        Assert.Equal([new ExecuteSqlOperation("ALTER TABLE users DROP address")],
            RecordedOperations.Downgrade(scripts.CreateMigration("3f2a9c1b7d4e")));
        Assert.False(scripts.FromCache);
    }

    [Fact]
    public async Task Constructors_and_field_initializers_run_and_only_revisions_declaring_neither_are_made_without_one()
    {
        using var folder = new ScriptFolder();
        folder.Write("a.cs", """
            using Retort;

            public abstract class Named : Migration
            {
                protected string Name { get; } = "from base";
            }

            [Revision("aaaa")]
            public sealed class Plain : Migration
            {
                public override void Upgrade(Operations op) => op.Execute("SELECT 'plain'");
            }

            [Revision("bbbb", Revises = "aaaa")]
            public sealed class WithField : Migration
            {
                private readonly string _text = "SELECT 'field'";
                public override void Upgrade(Operations op) => op.Execute(_text);
            }

            [Revision("cccc", Revises = "bbbb")]
            public sealed class WithConstructor : Migration
            {
                private static int _made;
                public WithConstructor() => _made++;
                public override void Upgrade(Operations op) => op.Execute($"SELECT {_made}");
            }

            [Revision("dddd", Revises = "cccc")]
            public sealed class FromNamedBase : Named
            {
                public override void Upgrade(Operations op) => op.Execute($"SELECT '{Name}'");
            }
            """);
        var scripts = await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);
        Assert.Equal([new ExecuteSqlOperation("SELECT 'plain'")], RecordedOperations.Upgrade(scripts.CreateMigration("aaaa")));
        Assert.Equal([new ExecuteSqlOperation("SELECT 'field'")], RecordedOperations.Upgrade(scripts.CreateMigration("bbbb")));
        Assert.Equal([new ExecuteSqlOperation("SELECT 1")], RecordedOperations.Upgrade(scripts.CreateMigration("cccc")));
        Assert.Equal([new ExecuteSqlOperation("SELECT 'from base'")], RecordedOperations.Upgrade(scripts.CreateMigration("dddd")));
        Assert.Equal(["aaaa"], scripts.MadeWithoutConstructor);
    }

    [Fact]
    public async Task A_revision_file_needs_only_using_Retort_because_the_SDK_usings_are_implicit()
    {
        using var folder = new ScriptFolder();
        folder.Write("a.cs", """
            using Retort;

            [Revision("aaaa")]
            internal sealed class Tables : Migration
            {
                public override void Upgrade(Operations op)
                {
                    var names = new List<string> { "b", "a" };
                    foreach (string name in names.Order())
                    {
                        op.Execute($"CREATE TABLE {name} (id int)");
                    }
                }
            }
            """);

        var scripts = await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);

        Assert.Equal([new ExecuteSqlOperation("CREATE TABLE a (id int)"), new ExecuteSqlOperation("CREATE TABLE b (id int)")],
            RecordedOperations.Upgrade(scripts.CreateMigration("aaaa")));
    }

    [Fact]
    public async Task Nested_and_block_namespaced_revision_classes_are_found()
    {
        using var folder = new ScriptFolder();
        folder.Write("a.cs", """
            namespace Outer.Inner
            {
                using Retort;

                public static class Holder
                {
                    [Retort.Revision("nested")]
                    public sealed class Nested : Migration
                    {
                        public override void Upgrade(Operations op) => op.Execute("nested");
                    }
                }
            }
            """);

        var scripts = await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);

        Assert.Equal("Outer.Inner.Holder+Nested", scripts.CreateMigration("nested").GetType().FullName);
    }

    [Fact]
    public async Task Asking_for_a_revision_that_was_not_compiled_is_a_retort_error()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("aaaa", "First");

        var scripts = await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);

        var error = Assert.Throws<RetortException>(() => scripts.CreateMigration("bbbb"));
        Assert.Equal("no migration class for revision 'bbbb' in the compiled scripts", error.Message);
    }

    [Fact]
    public async Task The_class_named_Env_is_exposed_as_the_environment_type()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("aaaa", "First");
        folder.Write("Env.cs", "namespace Migrations;\n\npublic sealed class Env { }\n");

        var scripts = await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);

        Assert.Equal("Migrations.Env", scripts.EnvironmentType?.FullName);
    }

    [Fact]
    public async Task Sources_without_an_Env_class_have_no_environment_type()
    {
        using var folder = new ScriptFolder();
        folder.WriteRevision("aaaa", "First");

        var scripts = await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);

        Assert.Null(scripts.EnvironmentType);
    }

    [Fact]
    public async Task A_stack_trace_from_a_revision_names_its_file_and_line()
    {
        using var folder = new ScriptFolder();
        string path = folder.Write("boom.cs", """
            using Retort;

            [Revision("boom")]
            public sealed class Boom : Migration
            {
                public override void Upgrade(Operations op) =>
                    throw new InvalidOperationException("boom");
            }
            """);

        var scripts = await new ScriptCompiler().CompileAsync([path], folder.Cache);

        var error = Assert.Throws<InvalidOperationException>(() => RecordedOperations.Upgrade(scripts.CreateMigration("boom")));
        Assert.Contains($"{path}:line 7", error.StackTrace);
    }

    [Fact]
    public async Task A_source_file_with_a_byte_order_mark_compiles()
    {
        using var folder = new ScriptFolder();
        string path = Path.Combine(folder.Versions, "bom.cs");
        File.WriteAllText(path, ScriptFolder.RevisionSource("bom", "Bom", null, "SELECT 'é'", "SELECT 0"),
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var scripts = await new ScriptCompiler().CompileAsync([path], folder.Cache);

        Assert.Equal([new ExecuteSqlOperation("SELECT 'é'")], RecordedOperations.Upgrade(scripts.CreateMigration("bom")));
    }

    [Fact]
    public async Task A_missing_source_file_is_a_retort_error_naming_it()
    {
        using var folder = new ScriptFolder();
        string missing = Path.Combine(folder.Versions, "missing.cs");

        var error = await Assert.ThrowsAsync<RetortException>(() => new ScriptCompiler().CompileAsync([missing], folder.Cache));

        Assert.StartsWith($"cannot read script '{missing}'", error.Message);
    }
}
