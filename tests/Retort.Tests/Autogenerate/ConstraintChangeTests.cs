using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Ops;
using static Retort.Tests.Autogenerate.Schemas;

namespace Retort.Tests.Autogenerate;

public sealed class ConstraintChangeTests
{
    private static readonly TableName UsersName = new("users");
    private static readonly TableName OrdersName = new("orders");

    [Fact]
    public void An_added_index_is_one_create_index()
    {
        var index = new TableIndex("ix_users_email_lower", "users", ["(lower(email))"], unique: true);

        AssertSingle(Compare(Shop().Replacing(Users().WithIndexes(index)), Shop()), new CreateIndexOperation(index));
    }

    [Fact]
    public void A_removed_index_is_dropped_with_its_definition()
    {
        var existing = Users().Indexes[0];

        AssertSingle(Compare(Shop().Replacing(Users().Without("ix_users_name")), Shop()),
            new DropIndexOperation("ix_users_name", UsersName, existing));
    }

    [Theory]
    [InlineData("unique")]
    [InlineData("columns")]
    [InlineData("where")]
    [InlineData("expression")]
    public void A_changed_index_is_dropped_and_created_again(string change)
    {
        var before = new TableIndex("ix_users_name", "users", ["name"]);
        var after = change switch
        {
            "unique" => before with { Unique = true },
            "columns" => before with { Columns = ["name", "email"] },
            "where" => before with { Where = "name IS NOT NULL" },
            _ => before with { Columns = ["(lower(name))"] },
        };

        var diff = Compare(Shop().Replacing(Users().Without("ix_users_name").WithIndexes(after)), Shop());

        OperationJson.Equal([new DropIndexOperation("ix_users_name", UsersName, before), new CreateIndexOperation(after)], diff.Upgrade);
        OperationJson.Equal([new DropIndexOperation("ix_users_name", UsersName, after), new CreateIndexOperation(before)], diff.Downgrade);
    }

    [Fact]
    public void An_index_condition_is_not_compared_where_the_database_has_no_partial_indexes()
    {
        var wanted = Shop().Replacing(Users().Without("ix_users_name").WithIndexes(new TableIndex("ix_users_name", "users", ["name"], where: "name IS NOT NULL")));

        Assert.True(Compare(wanted, Shop(), Dialect.ForName("mariadb")).IsEmpty);
    }

    [Fact]
    public void An_added_unique_constraint_is_one_add_constraint()
    {
        var unique = new UniqueConstraint("uq_users_name", "name");

        AssertSingle(Compare(Shop().Replacing(Users().With(unique)), Shop()), new AddConstraintOperation(UsersName, unique));
    }

    [Fact]
    public void A_removed_unique_constraint_is_dropped_by_kind_with_its_definition()
    {
        AssertSingle(Compare(Shop().Replacing(Users().Without("uq_users_email")), Shop()),
            new DropConstraintOperation(UsersName, "uq_users_email", ConstraintKind.Unique, new UniqueConstraint("uq_users_email", "email")));
    }

    [Fact]
    public void An_unnamed_wanted_unique_constraint_matches_a_live_one_over_the_same_columns()
    {
        var wanted = Shop().Replacing(Users().Without("uq_users_email").With(new UniqueConstraint(null, "email")));
        var live = Shop().Replacing(Users().Without("uq_users_email").With(new UniqueConstraint("users_email_key", "email")));

        Assert.True(Compare(wanted, live).IsEmpty);
    }

    [Fact]
    public void On_mysql_a_unique_index_that_reads_back_as_a_unique_constraint_is_no_change()
    {
        var index = new TableIndex("ix_users_code", "users", ["name"], unique: true);
        var wanted = Shop().Replacing(Users().WithIndexes(index));
        var live = Shop().Replacing(Users().With(new UniqueConstraint("ix_users_code", "name")));

        Assert.True(Compare(wanted, live, Dialect.ForName("mysql")).IsEmpty);
        Assert.Equal(2, Compare(wanted, live).Upgrade.Count);
    }

    [Fact]
    public void An_added_foreign_key_is_added_after_the_tables_exist()
    {
        var key = new ForeignKey("fk_orders_user", ["user_id"], "users", ["id"], onDelete: "CASCADE");

        AssertSingle(Compare(Shop(), Shop().Replacing(Orders().Without("fk_orders_user"))), new AddConstraintOperation(OrdersName, key));
    }

    [Fact]
    public void A_removed_foreign_key_is_dropped_with_its_definition()
    {
        var key = new ForeignKey("fk_orders_user", ["user_id"], "users", ["id"], onDelete: "CASCADE");

        AssertSingle(Compare(Shop().Replacing(Orders().Without("fk_orders_user")), Shop()),
            new DropConstraintOperation(OrdersName, "fk_orders_user", ConstraintKind.ForeignKey, key));
    }

    [Fact]
    public void On_mysql_a_dropped_foreign_key_takes_the_index_mysql_made_for_it_unless_another_index_serves_it()
    {
        var withoutKey = Shop().Replacing(Orders().Without("fk_orders_user"));
        var unserved = Shop().Replacing(Orders().Without("ix_orders_user_id"));

        var served = Compare(withoutKey, Shop(), Dialect.ForName("mysql"));
        var helped = Compare(withoutKey.Replacing(Orders().Without("fk_orders_user").Without("ix_orders_user_id")), unserved, Dialect.ForName("mysql"));

        Assert.Equal(["DropConstraintOperation"], served.Upgrade.Select(o => o.GetType().Name));
        Assert.Equal(["DropConstraintOperation", "DropIndexOperation"], helped.Upgrade.Select(o => o.GetType().Name));
        Assert.Equal(["CreateIndexOperation", "AddConstraintOperation"], helped.Downgrade.Select(o => o.GetType().Name));
    }

    [Fact]
    public void An_enum_that_changes_its_values_under_its_name_is_warned_of_on_postgresql()
    {
        var live = Shop().Replacing(Users().With(new Column("kind", SqlType.Enum("user_kind", "a"))));
        var wanted = Shop().Replacing(Users().With(new Column("kind", SqlType.Enum("user_kind", "a", "b"))));

        Assert.Contains(Compare(wanted, live).Warnings, w => w.Contains("ALTER TYPE user_kind ADD VALUE", StringComparison.Ordinal));
        Assert.Empty(Compare(wanted, live, Dialect.ForName("mysql")).Warnings);
    }

    [Theory]
    [InlineData("onDelete")]
    [InlineData("onUpdate")]
    [InlineData("target")]
    [InlineData("deferrable")]
    public void A_changed_foreign_key_is_dropped_and_added_again(string change)
    {
        var before = new ForeignKey("fk_orders_user", ["user_id"], "users", ["id"], onDelete: "CASCADE");
        var after = change switch
        {
            "onDelete" => before with { OnDelete = "SET NULL" },
            "onUpdate" => before with { OnUpdate = "CASCADE" },
            "target" => before with { ReferencedColumns = ["email"] },
            _ => before with { Deferrable = true },
        };

        var diff = Compare(Shop().Replacing(Orders().Without("fk_orders_user").With(after)), Shop());

        OperationJson.Equal([new DropConstraintOperation(OrdersName, "fk_orders_user", ConstraintKind.ForeignKey, before), new AddConstraintOperation(OrdersName, after)], diff.Upgrade);
        OperationJson.Equal([new DropConstraintOperation(OrdersName, "fk_orders_user", ConstraintKind.ForeignKey, after), new AddConstraintOperation(OrdersName, before)], diff.Downgrade);
    }

    [Theory]
    [InlineData("postgresql", "NO ACTION", null)]
    [InlineData("mysql", "RESTRICT", null)]
    [InlineData("mysql", "NO ACTION", "RESTRICT")]
    public void Actions_that_act_alike_are_no_change(string dialect, string? wanted, string? live)
    {
        var key = new ForeignKey("fk_orders_user", ["user_id"], "users", ["id"]);

        var diff = Compare(Shop().Replacing(Orders().Without("fk_orders_user").With(key with { OnDelete = wanted })),
            Shop().Replacing(Orders().Without("fk_orders_user").With(key with { OnDelete = live })), Dialect.ForName(dialect));

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Foreign_keys_pair_by_what_they_do_whatever_their_names()
    {
        var live = Shop().Replacing(Orders().Without("fk_orders_user").With(new ForeignKey("orders_user_id_fkey", ["user_id"], "users", ["id"], onDelete: "CASCADE")));

        Assert.True(Compare(Shop(), live).IsEmpty);
    }

    [Fact]
    public void An_added_check_is_one_add_constraint_and_a_changed_condition_is_not_compared()
    {
        var check = new CheckConstraint("ck_users_name", "length(name) > 0");
        var live = Shop().Replacing(Orders().Without("ck_orders_total").With(new CheckConstraint("ck_orders_total", "(total >= (0)::numeric)")));

        AssertSingle(Compare(Shop().Replacing(Users().With(check)), live), new AddConstraintOperation(UsersName, check));
    }

    [Fact]
    public void A_removed_check_is_dropped_by_name()
    {
        AssertSingle(Compare(Shop().Replacing(Orders().Without("ck_orders_total")), Shop()),
            new DropConstraintOperation(OrdersName, "ck_orders_total", ConstraintKind.Check, new CheckConstraint("ck_orders_total", "total >= 0")));
    }

    [Fact]
    public void A_live_check_is_kept_when_the_model_has_unnamed_checks_the_database_named_itself()
    {
        var wanted = Shop().Replacing(Orders().Without("ck_orders_total").With(new CheckConstraint(null, "total >= 0")));
        var live = Shop().Replacing(Orders().Without("ck_orders_total").With(new CheckConstraint("orders_total_check", "total >= 0")));

        Assert.True(Compare(wanted, live).IsEmpty);
    }

    [Fact]
    public void Views_are_created_replaced_and_dropped()
    {
        var active = new View(new TableName("active_users"), "SELECT id FROM users WHERE status = 'active'");
        var old = new View(new TableName("old_users"), "SELECT id FROM users");
        var wanted = Shop() with { Views = [active with { Definition = "SELECT id, name FROM users WHERE status = 'active'" }, new View(new TableName("new_users"), "SELECT 1")] };
        var live = Shop() with { Views = [active, old] };

        var diff = Compare(wanted, live);

        OperationJson.Equal([
            new DropObjectOperation(ObjectKind.View, old.Name, old.Definition),
            new ReplaceObjectOperation(ObjectKind.View, active.Name, wanted.Views[0].Definition, Previous: active.Definition),
            new CreateObjectOperation(ObjectKind.View, new TableName("new_users"), "SELECT 1"),
        ], diff.Upgrade);
        Assert.Equal(active.Definition, Assert.IsType<ReplaceObjectOperation>(diff.Downgrade[1]).Definition);
    }

    [Fact]
    public void A_view_echoed_in_other_words_is_no_change_on_postgresql_and_mysql()
    {
        var wanted = Shop() with { Views = [new View(new TableName("active_users"), "SELECT id, name FROM users WHERE status = 'active'")] };
        var postgres = Shop() with { Views = [new View(new TableName("active_users"), " SELECT users.id,\n    users.name\n   FROM users\n  WHERE ((users.status)::text = 'active'::text)")] };
        var mysql = Shop() with { Views = [new View(new TableName("active_users"), "select `users`.`id` AS `id`,`users`.`name` AS `name` from `users` where (`users`.`status` = 'active')")] };

        Assert.True(Compare(wanted, postgres).IsEmpty);
        Assert.True(Compare(wanted, mysql, Dialect.ForName("mariadb")).IsEmpty);
    }
}
