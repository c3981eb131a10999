using Retort.Ops;
using static Retort.Tests.Autogenerate.Schemas;

namespace Retort.Tests.Autogenerate;

public sealed class RenameTests
{
    // users with name renamed to full_name, its index following it.
    private static Table FullName(SqlType type) => Users().Without("name").Without("ix_users_name")
        .With(new Column("full_name", type) { RenamedFrom = ["name"] })
        .WithIndexes(new TableIndex("ix_users_name", "users", ["full_name"]));

    [Fact]
    public void A_column_renamed_from_a_live_one_is_one_alter_column_with_a_new_name()
    {
        var wanted = Shop().Replacing(FullName(SqlType.String(50)));

        var diff = Compare(wanted, Shop());

        AssertSingle(diff, new AlterColumnOperation(new TableName("users"), "name")
        {
            NewName = "full_name",
            ExistingType = SqlType.String(50),
            ExistingNullable = true,
            ExistingServerDefaultKnown = true,
            ExistingCommentKnown = true,
        });
        Assert.Empty(diff.Warnings);
    }

    [Fact]
    public void A_renamed_column_keeps_its_indexes_and_constraints_under_the_new_name()
    {
        var wanted = Shop().Replacing(Users().Without("email").Without("uq_users_email")
            .With(new Column("mail", SqlType.String(120), nullable: false, comment: "login") { RenamedFrom = ["email"] }, new UniqueConstraint("uq_users_email", "mail")));

        var diff = Compare(wanted, Shop());

        Assert.Equal("mail", Assert.IsType<AlterColumnOperation>(Assert.Single(diff.Upgrade)).NewName);
    }

    [Fact]
    public void A_rename_with_a_type_change_is_one_alter_column()
    {
        var wanted = Shop().Replacing(FullName(SqlType.String(100)));

        var alter = Assert.IsType<AlterColumnOperation>(Assert.Single(Compare(wanted, Shop()).Upgrade));

        Assert.Equal(("name", "full_name", SqlType.String(100)), (alter.Column, alter.NewName, alter.Type));
    }

    [Fact]
    public void A_rename_that_has_run_does_nothing_more()
    {
        var wanted = Shop().Replacing(FullName(SqlType.String(50)));
        var renamed = Shop().Replacing(FullName(SqlType.String(50)) with { Columns = FullName(SqlType.String(50)).Columns.Select(c => c with { RenamedFrom = [] }).ToList() });

        Assert.True(Compare(wanted, renamed).IsEmpty);
    }

    [Fact]
    public void A_rename_from_a_name_the_model_still_uses_is_no_rename()
    {
        var wanted = Shop().Replacing(Users().With(new Column("full_name", SqlType.String(50)) { RenamedFrom = ["name"] }));

        Assert.IsType<AddColumnOperation>(Assert.Single(Compare(wanted, Shop()).Upgrade));
    }

    [Fact]
    public void Without_the_attribute_a_drop_and_an_add_of_the_same_type_are_both_written_with_a_warning()
    {
        var wanted = Shop().Replacing(Users().Without("name").With(new Column("full_name", SqlType.String(50))));

        var diff = Compare(wanted, Shop());

        Assert.Equal(["AddColumnOperation", "DropColumnOperation"], diff.Upgrade.Select(o => o.GetType().Name));
        var warning = Assert.Single(diff.Warnings);
        Assert.Contains("[RenamedFrom(\"name\")]", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drop_and_an_add_of_different_types_give_no_warning()
    {
        var wanted = Shop().Replacing(Users().Without("name").With(new Column("age", SqlType.Integer)));

        Assert.Empty(Compare(wanted, Shop()).Warnings);
    }

    [Fact]
    public void A_table_renamed_from_a_live_one_is_one_rename_and_references_follow_it()
    {
        var people = Users() with { Name = new TableName("people"), RenamedFrom = ["users"], Indexes = [new TableIndex("ix_users_name", "people", ["name"])] };
        var orders = Orders().Without("fk_orders_user").With(new ForeignKey("fk_orders_user", ["user_id"], "people", ["id"], onDelete: "CASCADE"));

        var diff = Compare(Of(people, orders), Shop());

        AssertSingle(diff, new RenameTableOperation(new TableName("users"), "people"));
        Assert.True(Compare(Of(people, orders), Of(people with { RenamedFrom = [] }, orders)).IsEmpty);
    }

    [Fact]
    public void A_renamed_table_with_changes_is_renamed_first()
    {
        var people = Users().With(new Column("age", SqlType.Integer)) with { Name = new TableName("people"), RenamedFrom = ["users"] };
        var orders = Orders().Without("fk_orders_user");

        var diff = Compare(Of(people, orders), Shop());

        Assert.Equal(["RenameTableOperation", "DropConstraintOperation", "AddColumnOperation"], diff.Upgrade.Select(o => o.GetType().Name));
        Assert.Equal("people", ((AddColumnOperation)diff.Upgrade[2]).Table.Name);
    }

    [Fact]
    public void Without_the_attribute_a_table_dropped_and_created_with_the_same_columns_is_warned_of()
    {
        var people = Users() with { Name = new TableName("people") };

        var diff = Compare(Of(people, Orders().Without("fk_orders_user")), Shop());

        Assert.Contains(diff.Warnings, w => w.Contains("[RenamedFrom(\"users\")]", StringComparison.Ordinal));
    }
}
