using Retort.Autogenerate;
using Retort.Ops;
using static Retort.Tests.Autogenerate.Schemas;

namespace Retort.Tests.Autogenerate;

public sealed class ColumnChangeTests
{
    [Fact]
    public void Equal_schemas_give_no_operation_and_no_warning()
    {
        var diff = Compare(Shop(), Shop(), options: new CompareOptions { CompareServerDefault = true });

        Assert.True(diff.IsEmpty);
        Assert.Empty(diff.Downgrade);
        Assert.Empty(diff.Warnings);
    }

    [Fact]
    public void An_added_column_is_one_add_column_whose_reverse_drops_it()
    {
        var address = new Column("address", SqlType.String(250));

        var diff = Compare(Shop().Replacing(Users().With(address)), Shop());

        AssertSingle(diff, new AddColumnOperation(new TableName("users"), address));
        Assert.IsType<DropColumnOperation>(diff.Downgrade[0]);
    }

    [Fact]
    public void A_removed_column_is_dropped_with_its_definition_so_that_the_downgrade_adds_it_back()
    {
        var diff = Compare(Shop().Replacing(Users().Without("name")), Shop());

        AssertSingle(diff, new DropColumnOperation(new TableName("users"), "name", Users().Column("name")));
        OperationJson.Equal([new AddColumnOperation(new TableName("users"), Users().Column("name")!)], diff.Downgrade);
    }

    [Fact]
    public void A_type_change_carries_every_existing_hint()
    {
        var diff = Compare(Shop().Replacing(Users().Replacing(new Column("name", SqlType.String(100)))), Shop());

        AssertSingle(diff, new AlterColumnOperation(new TableName("users"), "name")
        {
            Type = SqlType.String(100),
            ExistingType = SqlType.String(50),
            ExistingNullable = true,
            ExistingServerDefaultKnown = true,
            ExistingCommentKnown = true,
        });
    }

    [Fact]
    public void A_type_change_is_not_compared_when_compare_type_is_off()
    {
        var diff = Compare(Shop().Replacing(Users().Replacing(new Column("name", SqlType.String(100)))), Shop(),
            options: new CompareOptions { CompareType = false });

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void A_nullability_change_is_one_alter_column_that_reverses()
    {
        var diff = Compare(Shop().Replacing(Users().Replacing(new Column("name", SqlType.String(50), nullable: false))), Shop());

        AssertSingle(diff, new AlterColumnOperation(new TableName("users"), "name")
        {
            Nullable = false,
            ExistingType = SqlType.String(50),
            ExistingNullable = true,
            ExistingServerDefaultKnown = true,
            ExistingCommentKnown = true,
        });
    }

    [Fact]
    public void A_server_default_change_is_found_only_when_asked_for()
    {
        var wanted = Shop().Replacing(Users().Replacing(new Column("status", SqlType.String(20), nullable: false, serverDefault: "'active'")));

        var off = Compare(wanted, Shop());
        var on = Compare(wanted, Shop(), options: new CompareOptions { CompareServerDefault = true });

        Assert.True(off.IsEmpty);
        AssertSingle(on, new AlterColumnOperation(new TableName("users"), "status")
        {
            ServerDefault = new Change<string?>("'active'"),
            ExistingType = SqlType.String(20),
            ExistingNullable = false,
            ExistingServerDefault = "'new'",
            ExistingServerDefaultKnown = true,
            ExistingCommentKnown = true,
        });
    }

    [Fact]
    public void A_removed_server_default_is_dropped_and_the_downgrade_sets_it_again()
    {
        var wanted = Shop().Replacing(Users().Replacing(new Column("status", SqlType.String(20), nullable: false)));

        var diff = Compare(wanted, Shop(), options: new CompareOptions { CompareServerDefault = true });

        var alter = Assert.IsType<AlterColumnOperation>(Assert.Single(diff.Upgrade));
        Assert.Equal(new Change<string?>(null), alter.ServerDefault);
        Assert.Equal(new Change<string?>("'new'"), Assert.IsType<AlterColumnOperation>(Assert.Single(diff.Downgrade)).ServerDefault);
    }

    [Fact]
    public void A_column_comment_change_is_one_alter_column_with_the_existing_comment()
    {
        var wanted = Shop().Replacing(Users().Replacing(new Column("email", SqlType.String(120), nullable: false, comment: "where mail goes")));

        var diff = Compare(wanted, Shop());

        AssertSingle(diff, new AlterColumnOperation(new TableName("users"), "email")
        {
            Comment = new Change<string?>("where mail goes"),
            ExistingType = SqlType.String(120),
            ExistingNullable = false,
            ExistingComment = "login",
            ExistingServerDefaultKnown = true,
            ExistingCommentKnown = true,
        });
    }

    [Fact]
    public void An_empty_comment_is_no_comment()
    {
        var wanted = Shop().Replacing(Users().Replacing(new Column("name", SqlType.String(50), comment: "")));

        Assert.True(Compare(wanted, Shop()).IsEmpty);
    }

    [Fact]
    public void Comments_are_not_compared_on_sqlite_which_keeps_none()
    {
        var live = Shop().Replacing(Users().Replacing(new Column("email", SqlType.String(120), nullable: false)) with { Comment = null });
        var wanted = Shop().Replacing(Users() with { Comment = "people" });

        Assert.True(Compare(wanted, live, Retort.Dialects.Dialect.ForName("sqlite")).IsEmpty);
        Assert.Equal(2, Compare(wanted, live).Upgrade.Count);
    }

    [Fact]
    public void A_table_comment_change_reverses_to_the_old_comment()
    {
        var diff = Compare(Shop().Replacing(Users() with { Comment = "people" }), Shop());

        AssertSingle(diff, new TableCommentOperation(new TableName("users"), "people", null));
    }

    [Fact]
    public void An_identity_change_is_a_warning_since_no_operation_expresses_it()
    {
        var wanted = Shop().Replacing(Orders().Replacing(new Column("id", SqlType.BigInteger, primaryKey: true, identity: true)));
        var live = Shop().Replacing(Orders().Replacing(new Column("id", SqlType.BigInteger, primaryKey: true, identity: false)));

        var diff = Compare(wanted, live);

        Assert.True(diff.IsEmpty);
        Assert.Contains(diff.Warnings, w => w.Contains("orders.id should be an identity column", StringComparison.Ordinal));
    }

    [Fact]
    public void On_mysql_changing_an_auto_increment_column_restates_its_auto_increment_offline_too()
    {
        var mysql = Retort.Dialects.Dialect.ForName("mysql");
        var live = Shop().Replacing(Users().Replacing(new Column("id", SqlType.Integer, primaryKey: true, identity: true)));
        var wanted = Shop().Replacing(Users().Replacing(new Column("id", SqlType.BigInteger, primaryKey: true, identity: true)));

        var diff = Compare(wanted, live, mysql);

        var alter = Assert.IsType<AlterColumnOperation>(Assert.Single(diff.Upgrade));
        Assert.True(alter.ExistingAutoincrement);
        Assert.Contains("AUTO_INCREMENT", Assert.Single(mysql.Render(alter)).Sql, StringComparison.Ordinal);
        Assert.Contains("AUTO_INCREMENT", Assert.Single(mysql.Render(Assert.Single(diff.Downgrade))).Sql, StringComparison.Ordinal);
        Assert.Contains("existingAutoincrement: true", CSharpWriter.Operations(diff.Upgrade, ""), StringComparison.Ordinal);
        Assert.Empty(diff.Warnings);
    }

    [Fact]
    public void A_primary_key_change_is_a_warning()
    {
        var wanted = Shop().Replacing(Orders().Replacing(new Column("id", SqlType.BigInteger, nullable: false)).Replacing(new Column("user_id", SqlType.Integer, primaryKey: true)));

        var diff = Compare(wanted, Shop());

        Assert.Contains(diff.Warnings, w => w.Contains("primary key of orders is (id) in the database and (user_id) in the model", StringComparison.Ordinal));
    }
}
