using Retort.Ops;
using static Retort.Tests.Autogenerate.Schemas;

namespace Retort.Tests.Autogenerate;

public sealed class OrderTests
{
    [Fact]
    public void Referenced_tables_are_created_first_whatever_the_model_order()
    {
        var diff = Compare(Of(Orders(), Users()), Of());

        Assert.Equal(["users", "orders"], diff.Upgrade.OfType<CreateTableOperation>().Select(o => o.Table.Name.Name));
        Assert.Equal(["orders", "users"], diff.Downgrade.OfType<DropTableOperation>().Select(o => o.Table.Name));
        Assert.Empty(diff.Upgrade.OfType<AddConstraintOperation>());
    }

    [Fact]
    public void Dropped_tables_go_referencing_first_and_come_back_referenced_first_each_before_its_indexes()
    {
        var diff = Compare(Of(), Of(Users(), Orders()));

        Assert.Equal(["orders", "users"], diff.Upgrade.OfType<DropTableOperation>().Select(o => o.Table.Name));
        Assert.Equal(["CreateTableOperation users", "CreateIndexOperation ix_users_name", "CreateTableOperation orders", "CreateIndexOperation ix_orders_user_id"],
            diff.Downgrade.Select(o => o.GetType().Name + " " + (o is CreateTableOperation c ? c.Table.Name.Name : ((CreateIndexOperation)o).Index.Name)));
    }

    [Fact]
    public void A_chain_of_references_is_created_in_dependency_order()
    {
        var tables = Enumerable.Range(0, 5).Select(i => Table($"t{i}",
            [new Column("id", SqlType.Integer, primaryKey: true), new Column("next_id", SqlType.Integer),
             .. i < 4 ? new TableElement[] { new ForeignKey($"fk_t{i}_next", ["next_id"], $"t{i + 1}", ["id"]) } : []])).ToArray();

        var diff = Compare(Of(tables), Of());

        Assert.Equal(["t4", "t3", "t2", "t1", "t0"], diff.Upgrade.OfType<CreateTableOperation>().Select(o => o.Table.Name.Name));
    }

    [Fact]
    public void A_cycle_creates_the_tables_then_adds_the_foreign_key_that_closes_it()
    {
        var a = Table("a", new Column("id", SqlType.Integer, primaryKey: true), new Column("b_id", SqlType.Integer),
            new ForeignKey("fk_a_b", ["b_id"], "b", ["id"]));
        var b = Table("b", new Column("id", SqlType.Integer, primaryKey: true), new Column("a_id", SqlType.Integer),
            new ForeignKey("fk_b_a", ["a_id"], "a", ["id"]));

        var diff = Compare(Of(a, b), Of());

        Assert.Equal(["CreateTableOperation b", "CreateTableOperation a", "AddConstraintOperation fk_b_a"],
            diff.Upgrade.Select(o => o.GetType().Name + " " + (o is CreateTableOperation c ? c.Table.Name.Name : ((AddConstraintOperation)o).Constraint.Name)));
        Assert.Empty(((CreateTableOperation)diff.Upgrade[0]).Table.Constraints.OfType<ForeignKey>());
        Assert.Equal(["DropConstraintOperation", "DropTableOperation", "DropTableOperation"], diff.Downgrade.Select(o => o.GetType().Name));
    }

    [Fact]
    public void A_cycle_of_dropped_tables_drops_the_closing_foreign_key_first()
    {
        var a = Table("a", new Column("id", SqlType.Integer, primaryKey: true), new Column("b_id", SqlType.Integer),
            new ForeignKey("fk_a_b", ["b_id"], "b", ["id"]));
        var b = Table("b", new Column("id", SqlType.Integer, primaryKey: true), new Column("a_id", SqlType.Integer),
            new ForeignKey("fk_b_a", ["a_id"], "a", ["id"]));

        var diff = Compare(Of(), Of(a, b));

        Assert.Equal(["DropConstraintOperation fk_b_a", "DropTableOperation a", "DropTableOperation b"],
            diff.Upgrade.Select(o => o.GetType().Name + " " + (o is DropTableOperation d ? d.Table.Name : ((DropConstraintOperation)o).Name)));
    }

    [Fact]
    public void A_self_reference_stays_in_its_create_table()
    {
        var tree = Table("nodes", new Column("id", SqlType.Integer, primaryKey: true), new Column("parent_id", SqlType.Integer),
            new ForeignKey("fk_nodes_parent", ["parent_id"], "nodes", ["id"]));

        var diff = Compare(Of(tree), Of());

        Assert.Single(Assert.IsType<CreateTableOperation>(Assert.Single(diff.Upgrade)).Table.Constraints);
    }

    [Fact]
    public void A_new_table_referencing_a_column_a_kept_table_gains_adds_its_foreign_key_after_the_column()
    {
        var users = Users().With(new Column("code", SqlType.Integer), new UniqueConstraint("uq_users_code", "code"));
        var badges = Table("badges", new Column("id", SqlType.Integer, primaryKey: true), new Column("user_code", SqlType.Integer),
            new ForeignKey("fk_badges_user", ["user_code"], "users", ["code"]));

        var diff = Compare(Of(users, Orders(), badges), Shop());

        Assert.Equal(["CreateTableOperation", "AddColumnOperation", "AddConstraintOperation", "AddConstraintOperation"], diff.Upgrade.Select(o => o.GetType().Name));
        Assert.Equal("fk_badges_user", ((AddConstraintOperation)diff.Upgrade[3]).Constraint.Name);
    }

    [Fact]
    public void Inside_a_table_constraint_drops_come_before_column_drops_and_adds_after_column_adds()
    {
        var wanted = Shop().Replacing(Users().Without("uq_users_email").Without("email").Without("ix_users_name")
            .With(new Column("login", SqlType.String(40)), new UniqueConstraint("uq_users_login", "login"))
            .Replacing(new Column("name", SqlType.String(80)))
            .WithIndexes(new TableIndex("ix_users_login", "users", ["login"])));

        var diff = Compare(wanted, Shop());

        Assert.Equal(["DropIndexOperation", "DropConstraintOperation", "AddColumnOperation", "AlterColumnOperation", "DropColumnOperation",
            "AddConstraintOperation", "CreateIndexOperation"], diff.Upgrade.Select(o => o.GetType().Name));
        Assert.Equal(diff.Upgrade.Reverse().Select(o => o.Reverse().GetType().Name), diff.Downgrade.Select(o => o.GetType().Name));
    }

    [Fact]
    public void Foreign_keys_are_dropped_before_a_referenced_table_and_added_after_a_created_one()
    {
        var accounts = Table("accounts", new Column("id", SqlType.Integer, primaryKey: true));
        var orders = Orders().Without("fk_orders_user").With(new Column("account_id", SqlType.Integer),
            new ForeignKey("fk_orders_account", ["account_id"], "accounts", ["id"]));

        var diff = Compare(Of(accounts, orders), Shop());

        Assert.Equal(["DropConstraintOperation", "DropTableOperation", "CreateTableOperation", "AddColumnOperation", "AddConstraintOperation"],
            diff.Upgrade.Select(o => o.GetType().Name));
    }
}
