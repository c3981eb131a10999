using Retort.Scripting;
using Retort.Tests.Scripting;

namespace Retort.Tests.Recording;

/// <summary>Which revision classes <c>RecordableCode</c> accepts, read from a real compile (CompiledScripts.Recordable).</summary>
public sealed class RecordableCodeTests
{
    private static async Task<CompiledScripts> CompileAsync(ScriptFolder folder) =>
        await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);

    private static string Revision(string id, string body, string head = "using Retort;\n", string modifiers = "sealed", string baseClass = "Migration") => $$"""
        {{head}}
        namespace Migrations;

        [Revision("{{id}}")]
        public {{modifiers}} class R{{id}} : {{baseClass}}
        {
        {{body}}
        }
        """;

    [Fact]
    public async Task Plain_op_calls_on_constant_values_are_recordable()
    {
        using var folder = new ScriptFolder();
        var shapes = new Dictionary<string, string>
        {
            ["a1"] = """
                public override void Upgrade(Operations op)
                {
                    op.CreateTable("orgs", new Column("id", SqlType.Integer, primaryKey: true), new Column("name", SqlType.String(50), nullable: false));
                    op.CreateTable("users",
                        new Column("id", SqlType.BigInteger, primaryKey: true),
                        new Column("org_id", SqlType.Integer),
                        new ForeignKey("fk_users_org", ["org_id"], "orgs", ["id"], onDelete: "CASCADE"));
                }
                public override void Downgrade(Operations op)
                {
                    op.DropTable("users");
                    op.DropTable("orgs");
                }
                """,
            ["a2"] = """
                public override void Upgrade(Operations op) => op.AddColumn("users", new Column("age", SqlType.SmallInteger, comment: "years"));
                public override void Downgrade(Operations op) => op.DropColumn("users", "age");
                """,
            ["a3"] = """
                public override void Upgrade(Operations op) => op.DropColumn("users", "age").Lint("RT0001", "nobody reads it");
                """,
            ["a4"] = """
                public override void Upgrade(Operations op)
                {
                    op.CreateIndex("ix_users_name", "users", ["name", "org_id"], unique: true, descending: [false, true]);
                    op.CreateTable("tags", [new Column("id", SqlType.Integer, primaryKey: true), new UniqueConstraint("uq_tags", "id")]);
                }
                """,
            ["a5"] = """
                public override void Upgrade(Operations op) => op.CreateIndex("ix_users_org", "users", new[] { "org_id" }, where: "org_id > " + "0");
                public override void Downgrade(Operations op) => op.DropIndex("ix_users_org", table: "users", existing: new TableIndex("ix_users_org", "users", new string[] { "org_id" }));
                """,
            ["a6"] = """
                public override void Upgrade(Operations op)
                {
                    op.BatchAlterTable("users", batch =>
                    {
                        batch.AddColumn(new Column("email", SqlType.String(200)) { RenamedFrom = ["mail"] });
                        batch.AlterColumn("name", type: SqlType.Text, nullable: (bool?)true);
                    }, recreate: BatchMode.Always);
                    op.BatchAlterTable("users", b => b.DropColumn("legacy"));
                    op.BatchAlterTable("users", (b) => { });
                }
                """,
            ["a7"] = """
                public override void Upgrade(Operations op) => op.AddColumn("users", new Retort.Column("score", Retort.SqlType.Numeric(10, 2), serverDefault: "-1"));
                """,
            ["a8"] = """
                public override void Upgrade(Operations op)
                {
                    op.Execute("UPDATE users SET name = 'x'");
                    op.Execute(@"PRAGMA foreign_keys = ON", dialect: "sqlite");
                }
                """,
            ["a9"] = """
                public override void Upgrade(Operations op) { }
                public override void Downgrade(Operations op) { }
                """,
            ["a10"] = """
                public override void Upgrade(Operations op) => op.Execute($"SELECT 'interpolated without holes'");
                """,
        };
        foreach (var (id, body) in shapes)
            folder.Write($"{id}.cs", Revision(id, body));

        var compiled = await CompileAsync(folder);

        Assert.Equal(shapes.Keys.Order(StringComparer.Ordinal), compiled.Recordable.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string> NotRecordable => new()
    {
        { "a local variable", Revision("b1", """public override void Upgrade(Operations op) { var table = "users"; op.DropTable(table); }""") },
        { "an if on op.Dialect", Revision("b2", """public override void Upgrade(Operations op) { if (op.Dialect == "sqlite") op.Execute("VACUUM"); }""") },
        { "op.Connection", Revision("b3", """public override void Upgrade(Operations op) => op.Execute(op.Connection.Database);""") },
        { "op.InlineLiteral", Revision("b4", """public override void Upgrade(Operations op) => op.Execute("SELECT " + op.InlineLiteral(1));""") },
        { "op.BulkInsert", Revision("b5", """public override void Upgrade(Operations op) => op.BulkInsert("users", new[] { new { id = 1 } });""") },
        { "op.RestoreView", Revision("b6", """public override void Upgrade(Operations op) => op.RestoreView("v", revision: "a1");""") },
        { "op.ReplaceView naming the revision it replaces", Revision("b6", """public override void Upgrade(Operations op) => op.ReplaceView("v", "SELECT 2", replaces: "a1");""") },
        { "op.ReplaceFunction with the replaced revision third", Revision("b6", """public override void Upgrade(Operations op) => op.ReplaceFunction("f", "() RETURNS int AS $$ SELECT 2 $$ LANGUAGE sql", "a1");""") },
        { "a project static method", Revision("b7", """public override void Upgrade(Operations op) => op.Execute(Sql.Now());""")
            + "\npublic static class Sql { public static string Now() => \"SELECT 1\"; }" },
        { "DateTime.Now", Revision("b8", """public override void Upgrade(Operations op) => op.Execute("SELECT " + DateTime.Now.Ticks);""") },
        { "an interpolation hole", Revision("b9", """public override void Upgrade(Operations op) => op.Execute($"SELECT {System.Environment.ProcessId}");""") },
        { "UpgradeAsync", Revision("b10", """
            public override Task UpgradeAsync(Operations op, CancellationToken cancellationToken) { op.Execute("SELECT 1"); return Task.CompletedTask; }
            """) },
        { "a field", Revision("b11", """
            private const string Table = "users";
            public override void Upgrade(Operations op) => op.DropTable("users");
            """) },
        { "a property", Revision("b12", """
            public string Table => "users";
            public override void Upgrade(Operations op) => op.DropTable("users");
            """) },
        { "a method", Revision("b13", """
            public override void Upgrade(Operations op) => op.DropTable("users");
            private static void Unused() { }
            """) },
        { "a project class named SqlType", Revision("b14", """public override void Upgrade(Operations op) => op.AddColumn("users", new Column("a", SqlType.Integer));""")
            + "\npublic static class SqlType { public static Retort.SqlType Integer => System.DateTime.Now.Second % 2 == 0 ? Retort.SqlType.Integer : Retort.SqlType.Text; }" },
        { "an extension method on Operations", Revision("b15", """public override void Upgrade(Operations op) => op.Execute("SELECT 1");""")
            + "\npublic static class OpExtensions { public static OperationCall Execute(this Operations op, int n) => op.Execute(\"SELECT \" + n); }" },
        { "a using alias", Revision("b16", """public override void Upgrade(Operations op) => op.Execute("SELECT 1");""", head: "using Retort;\nusing Db = System.Data;\n") },
        { "a partial class", Revision("b17", """public override void Upgrade(Operations op) => op.Execute("SELECT 1");""", modifiers: "sealed partial")
            + "\npublic sealed partial class Rb17 { }" },
        { "the outer op inside a batch", Revision("b18", """public override void Upgrade(Operations op) => op.BatchAlterTable("users", b => { op.DropColumn("users", "a"); });""") },
        { "a user base class", Revision("b19", """public override void Upgrade(Operations op) => op.Execute("SELECT 1");""", baseClass: "Base")
            + "\npublic abstract class Base : Migration { }" },
        // Aliases outside the file's own using list: they rename a value type as well as a using at the top would.
        { "a global alias in another file", Revision("b20", """public override void Upgrade(Operations op) => op.AddColumn("users", new Column("a", SqlType.Integer));""")
            + "\npublic static class Types { public static Retort.SqlType Integer => System.DateTime.Now.Second % 2 == 0 ? Retort.SqlType.Integer : Retort.SqlType.Text; }" },
        { "an alias in a namespace block", """
            using Retort;
            namespace Migrations
            {
                using SqlType = Migrations.Types;
                public static class Types { public static Retort.SqlType Integer => System.DateTime.Now.Second % 2 == 0 ? Retort.SqlType.Integer : Retort.SqlType.Text; }
                [Revision("b21")]
                public sealed class Rb21 : Migration
                {
                    public override void Upgrade(Operations op) => op.AddColumn("users", new Column("a", SqlType.Integer));
                }
            }
            """ },
        { "an alias after a file-scoped namespace", """
            using Retort;
            namespace Migrations;
            using SqlType = Migrations.Types;
            public static class Types { public static Retort.SqlType Integer => System.DateTime.Now.Second % 2 == 0 ? Retort.SqlType.Integer : Retort.SqlType.Text; }
            [Revision("b22")]
            public sealed class Rb22 : Migration
            {
                public override void Upgrade(Operations op) => op.AddColumn("users", new Column("a", SqlType.Integer));
            }
            """ },
        { "an extension block on Operations", Revision("b23", """public override void Upgrade(Operations op) => op.Execute(1);""")
            + "\npublic static class OpBlock { extension(Operations op) { public OperationCall Execute(int n) => op.Execute(\"SELECT \" + n); } }" },
    };

    [Theory]
    [MemberData(nameof(NotRecordable))]
    public async Task Code_that_may_do_otherwise_on_another_run_is_not_recordable(string shape, string source)
    {
        using var folder = new ScriptFolder();
        folder.Write("revision.cs", source);
        if (shape == "a global alias in another file")
            folder.Write("aliases.cs", "global using SqlType = Migrations.Types;\n");

        var compiled = await CompileAsync(folder);

        var id = Assert.Single(compiled.RevisionIds);
        Assert.DoesNotContain(id, compiled.Recordable);
        Assert.NotNull(compiled.WhyNotRecorded(id));
        Assert.Equal([id], compiled.UnrecordedRevisionIds);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { """
            public override void Upgrade(Operations op)
            {
                op.Execute("SELECT 1");
                if (op.Dialect == "sqlite") op.Execute("VACUUM");
            }
            """, "line 9: `if (op.Dialect == \"sqlite\") op.Execute(\"VACUUM\");`" },
        { """public override void Upgrade(Operations op) => op.Execute(System.DateTime.Now.ToString());""", "line 6: `op.Execute(System.DateTime.Now.ToString())`" },
        { """
            public override void Upgrade(Operations op) { }
            private static readonly string Table = "users";
            """, "line 7: `private static readonly string Table = \"users\";` (a member other than the Upgrade and Downgrade overrides)" },
    };

    // Read from the index stored in the assembly, as compile's second line shows it.
    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_says_where_and_what(string members, string expected)
    {
        using var folder = new ScriptFolder();
        folder.Write("revision.cs", $$"""
            using Retort;
            namespace Migrations;
            [Revision("r1")]
            public sealed class R1 : Migration
            {
            {{members}}
            }
            """);

        var compiled = await CompileAsync(folder);

        Assert.Equal(expected, compiled.WhyNotRecorded("r1"));
        Assert.False(compiled.Recorded);
    }
}
