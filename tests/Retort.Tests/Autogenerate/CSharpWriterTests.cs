using Retort.Autogenerate;
using Retort.Ops;
using Retort.Scripting;
using Retort.Tests.Scripting;

namespace Retort.Tests.Autogenerate;

public sealed class CSharpWriterTests
{
    public static TheoryData<string> Goldens => new(GoldenRevisions.All.Keys);

    [Theory]
    [MemberData(nameof(Goldens))]
    public void The_written_revision_matches_its_golden_file(string name)
    {
        var actual = GoldenRevisions.Revision("a1b2c3d4e5f6", GoldenRevisions.ClassName(name), GoldenRevisions.All[name]());
        GoldenFile.Matches(Path.Combine("Autogenerate", name + ".cs.golden"), actual);
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public async Task The_golden_revision_compiles_and_records_the_operations_it_was_written_from(string name)
    {
        var diff = GoldenRevisions.All[name]();
        using var folder = new ScriptFolder();
        var id = Guid.NewGuid().ToString("N")[..12];
        folder.Write(name + ".cs", GoldenRevisions.Revision(id, GoldenRevisions.ClassName(name), diff));

        var scripts = await new ScriptCompiler().CompileAsync(folder.Files, folder.Cache);
        var migration = scripts.CreateMigration(id);

        OperationJson.Equal(diff.Upgrade.Select(CSharpWriter.Written), RecordedOperations.Upgrade(migration));
        OperationJson.Equal(diff.Downgrade.Select(CSharpWriter.Written), RecordedOperations.Downgrade(migration));
    }

    [Fact]
    public void An_add_column_is_written_as_the_design_shows_it()
    {
        var text = CSharpWriter.Operations([new AddColumnOperation(new TableName("users"), new Column("address", SqlType.String(250)))], "    ");

        Assert.Equal("    op.AddColumn(\"users\", new Column(\"address\", SqlType.String(250)));\n", text);
    }

    [Fact]
    public void A_drop_is_written_short_unless_its_definition_has_an_enum()
    {
        var plain = new DropColumnOperation(new TableName("users"), "age", new Column("age", SqlType.Integer));
        var withEnum = new DropColumnOperation(new TableName("users"), "kind", new Column("kind", SqlType.Enum("user_kind", "a", "b")));

        Assert.Equal("op.DropColumn(\"users\", \"age\");", CSharpWriter.Statement(plain));
        Assert.Equal("op.DropColumn(\"users\", \"kind\", existing: new Column(\"kind\", SqlType.Enum(\"user_kind\", \"a\", \"b\")));", CSharpWriter.Statement(withEnum));
    }

    [Fact]
    public void Strings_are_escaped_as_csharp_literals()
    {
        Assert.Equal("\"a\\\"b\\\\c\\nd\\u0001\"", CSharpWriter.Literal("a\"b\\c\nd\u0001"));
    }

    [Fact]
    public void No_operation_writes_nothing()
    {
        Assert.Equal("", CSharpWriter.Operations([], "        "));
    }
}
