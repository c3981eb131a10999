using Retort.Autogenerate;
using Retort.Dialects;
using Retort.Model;
using Retort.Ops;

namespace Retort.Tests.Autogenerate;

/// <summary>
/// What autogenerate makes of schemas that others wrote, without a database: names the database chose, types by what
/// is stored, SQLite's unnamed constraints and in-place changes, conventional identity, and the warnings a reviewer
/// reads next to the operation.
/// </summary>
public sealed class ForeignSchemaTests
{
    private static SchemaDiff Compare(DatabaseSchema wanted, DatabaseSchema live, string dialect, CompareOptions? options = null) =>
        SchemaComparer.Compare(wanted, live, Dialect.ForName(dialect), options ?? new CompareOptions { CompareServerDefault = true });

    private static string Written(SchemaDiff diff) => CSharpWriter.Operations(diff.Upgrade, "", diff.Notes);

    // customers as a model declares it, names left to convention: uq_customers_email, ix_customers_name, fk_..., ck_customers_1.
    private static DatabaseSchema Model() => new SchemaBuilder()
        .Table("groups", t => t.Column("id", SqlType.Integer, primaryKey: true))
        .Table("customers", t => t
            .Column("id", SqlType.Integer, primaryKey: true)
            .Column("email", SqlType.String(120), nullable: false)
            .Column("name", SqlType.String(50))
            .Column("group_id", SqlType.Integer)
            .Unique("email")
            .Index("name")
            .ForeignKey("group_id", references: "groups")
            .Check("id > 0"))
        .Build();

    private static DatabaseSchema Live(string unique, string index, string foreignKey, string check, params TableIndex[] extra) => new(
    [
        new Table(new TableName("groups"), [new Column("id", SqlType.Integer, primaryKey: true, identity: true)]),
        new Table(new TableName("customers"),
        [
            new Column("id", SqlType.Integer, primaryKey: true, identity: true),
            new Column("email", SqlType.String(120), nullable: false),
            new Column("name", SqlType.String(50)),
            new Column("group_id", SqlType.Integer),
            new UniqueConstraint(unique, "email"),
            new ForeignKey(foreignKey, ["group_id"], "groups", ["id"]),
            new CheckConstraint(check, "id > 0"),
        ], [new TableIndex(index, "customers", ["name"]), .. extra]),
    ], []);

    [Theory]
    [InlineData("postgresql", "customers_email_key", "customers_name_idx", "customers_group_id_fkey", "customers_id_check")]
    [InlineData("mariadb", "email", "name", "customers_ibfk_1", "CONSTRAINT_1")]
    [InlineData("mariadb", "email_2", "name_2", "customers_ibfk_2", "id")]
    [InlineData("sqlserver", "UQ__customer__AB6E61641A2B3C4D", "IX_customers_name", "FK__customers__group__2B3F6F97", "CK__customers__id__2C3393D0")]
    [InlineData("sqlite", null, "customers_name", null, null)]
    public void Names_the_database_chose_are_the_models_conventional_ones(string dialect, string? unique, string index, string? foreignKey, string? check)
    {
        var live = Live(unique!, index, foreignKey!, check!);

        var diff = Compare(Model(), live, dialect);

        Assert.True(diff.IsEmpty, Written(diff));
        Assert.Empty(diff.Warnings);
    }

    [Fact]
    public void Names_the_model_gave_itself_still_count()
    {
        var wanted = Model() with { Tables = Model().Tables.Select(t => t.Name.Name != "customers" ? t : t with
        {
            Constraints = t.Constraints.Select(c => c is UniqueConstraint u ? u with { Name = "uq_customers_email", ImplicitName = false } : c).ToList(),
        }).ToList() };

        var diff = Compare(wanted, Live("customers_email_key", "customers_name_idx", "customers_group_id_fkey", "customers_id_check"), "postgresql");

        Assert.Equal(["DropConstraintOperation customers.customers_email_key", "AddConstraintOperation customers.uq_customers_email"], diff.Upgrade.Select(SingleChanges.Describe));
    }

    [Fact]
    public void With_compareImplicitNames_an_object_is_renamed_to_the_conventional_name_by_a_drop_and_a_create()
    {
        var diff = Compare(Model(), Live("customers_email_key", "customers_name_idx", "customers_group_id_fkey", "customers_id_check"), "postgresql",
            new CompareOptions { CompareImplicitNames = true });

        Assert.Contains("CreateIndexOperation customers.ix_customers_name", diff.Upgrade.Select(SingleChanges.Describe));
        Assert.Contains("DropIndexOperation customers.customers_name_idx", diff.Upgrade.Select(SingleChanges.Describe));
        Assert.Contains("AddConstraintOperation customers.uq_customers_email", diff.Upgrade.Select(SingleChanges.Describe));
    }

    [Fact]
    public void A_unique_index_the_model_calls_a_unique_constraint_is_the_same_thing()
    {
        var live = Live("x", "customers_name_idx", "customers_group_id_fkey", "customers_id_check");
        live = live with { Tables = live.Tables.Select(t => t.Name.Name != "customers" ? t : t with
        {
            Constraints = t.Constraints.Where(c => c is not UniqueConstraint).ToList(),
            Indexes = [.. t.Indexes, new TableIndex("customers_email_unique", "customers", ["email"], unique: true)],
        }).ToList() };

        Assert.True(Compare(Model(), live, "postgresql").IsEmpty);
    }

    [Fact]
    public void MariaDb_keeps_the_index_it_made_for_a_foreign_key_and_drops_it_with_the_key()
    {
        var live = Live("email", "name", "customers_ibfk_1", "CONSTRAINT_1", new TableIndex("group_id", "customers", ["group_id"]));
        var withoutKey = Model() with { Tables = Model().Tables.Select(t => t with { Constraints = t.Constraints.Where(c => c is not ForeignKey).ToList() }).ToList() };

        Assert.True(Compare(Model(), live, "mariadb").IsEmpty);
        Assert.Equal(["DropConstraintOperation customers.customers_ibfk_1", "DropIndexOperation customers.group_id"],
            Compare(withoutKey, live, "mariadb").Upgrade.Select(SingleChanges.Describe));
    }

    public static TheoryData<string, SqlType, string> StoredAlike => new()
    {
        { "mariadb", SqlType.Text, "text" }, { "mariadb", SqlType.Text, "mediumtext" }, { "mariadb", SqlType.Text, "longtext" },
        { "mariadb", SqlType.DateTime, "datetime" }, { "mariadb", SqlType.DateTime, "datetime(3)" }, { "mariadb", SqlType.DateTime, "datetime(6)" },
        { "mariadb", SqlType.DateTimeOffset, "timestamp" }, { "mariadb", SqlType.DateTimeOffset, "datetime(6)" }, { "mariadb", SqlType.Time, "time" },
        { "mariadb", SqlType.Integer, "int(11)" }, { "mariadb", SqlType.Boolean, "tinyint(1)" }, { "mariadb", SqlType.Guid, "char(36)" },
        { "mariadb", SqlType.Guid, "uuid" }, { "mariadb", SqlType.Json, "longtext" }, { "mariadb", SqlType.Double, "double precision" },
        { "sqlite", SqlType.Double, "FLOAT" }, { "sqlite", SqlType.Double, "REAL" }, { "sqlite", SqlType.Double, "DOUBLE PRECISION" },
        { "sqlite", SqlType.Float, "DOUBLE" }, { "sqlite", SqlType.DateTime, "TIMESTAMP" }, { "sqlite", SqlType.DateTime, "TIMESTAMPTZ" },
        { "sqlite", SqlType.DateTime, "TEXT" }, { "sqlite", SqlType.DateTimeOffset, "DATETIME" }, { "sqlite", SqlType.Boolean, "INTEGER" },
        { "sqlite", SqlType.Boolean, "BOOL" }, { "sqlite", SqlType.Numeric(10, 2), "DECIMAL(10,2)" }, { "sqlite", SqlType.Numeric(10, 2), "NUMERIC" },
        { "sqlite", SqlType.Numeric(18, 2), "TEXT" }, { "sqlite", SqlType.String(50), "TEXT" }, { "sqlite", SqlType.String(50), "NVARCHAR(80)" },
        { "sqlite", SqlType.BigInteger, "INT" }, { "sqlite", SqlType.Guid, "TEXT" }, { "sqlite", SqlType.Json, "TEXT" },
        { "postgresql", SqlType.DateTime, "timestamp(6) without time zone" }, { "postgresql", SqlType.DateTimeOffset, "timestamp(6) with time zone" },
        { "postgresql", SqlType.Numeric(), "numeric" }, { "postgresql", SqlType.Char(3), "character(3)" }, { "postgresql", SqlType.Char(1), "bpchar" },
        { "postgresql", SqlType.Text, "character varying" }, { "postgresql", SqlType.Guid, "uuid" }, { "postgresql", SqlType.Json, "jsonb" },
        { "postgresql", SqlType.Raw("integer[]"), "int4[]" }, { "postgresql", SqlType.Double, "float8" },
    };

    [Theory, MemberData(nameof(StoredAlike))]
    public void Types_a_database_stores_alike_are_no_change(string dialect, SqlType wanted, string live)
    {
        var diff = Compare(Of(new Column("v", wanted)), Of(new Column("v", SqlType.Raw(live))), dialect);

        Assert.True(diff.IsEmpty, Written(diff));
    }

    public static TheoryData<string, SqlType, string> StoredOtherwise => new()
    {
        { "mariadb", SqlType.Text, "tinytext" }, { "mariadb", SqlType.Text, "varchar(255)" }, { "mariadb", SqlType.DateTime, "date" },
        { "mariadb", SqlType.Guid, "char(32)" }, { "mariadb", SqlType.Double, "float" }, { "mariadb", SqlType.Integer, "bigint" },
        { "sqlite", SqlType.Integer, "TEXT" }, { "sqlite", SqlType.Double, "NUMERIC" }, { "sqlite", SqlType.String(10), "INTEGER" },
        { "postgresql", SqlType.DateTime, "timestamp(3) without time zone" }, { "postgresql", SqlType.Json, "json" },
        { "postgresql", SqlType.DateTime, "timestamp with time zone" }, { "postgresql", SqlType.Numeric(18, 2), "numeric" },
    };

    [Theory, MemberData(nameof(StoredOtherwise))]
    public void Types_a_database_stores_otherwise_are_a_change(string dialect, SqlType wanted, string live) =>
        Assert.Single(Compare(Of(new Column("v", wanted)), Of(new Column("v", SqlType.Raw(live))), dialect).Upgrade);

    [Fact]
    public void On_sqlite_a_declared_type_of_the_same_affinity_counts_only_when_asked_for()
    {
        var (wanted, live) = (Of(new Column("v", SqlType.String(80))), Of(new Column("v", SqlType.String(50))));

        Assert.True(Compare(wanted, live, "sqlite").IsEmpty);
        Assert.IsType<BatchAlterTableOperation>(Assert.Single(Compare(wanted, live, "sqlite", new CompareOptions { CompareDeclaredTypes = true }).Upgrade));
    }

    private static DatabaseSchema Of(params TableElement[] elements) =>
        new([new Table(new TableName("t"), [new Column("id", SqlType.Integer, primaryKey: true), .. elements])], []);

    [Fact]
    public void A_single_integer_key_is_numbered_unless_told_otherwise()
    {
        Table Key(params TableElement[] elements) => new(new TableName("t"), elements);

        Assert.True(Key(new Column("id", SqlType.Integer, primaryKey: true)).Columns[0].Identity);
        Assert.True(Key(new Column("id", SqlType.BigInteger, nullable: false), new PrimaryKey("pk_t", "id")).Columns[0].Identity);
        Assert.False(Key(new Column("id", SqlType.Integer, primaryKey: true, identity: false)).Columns[0].Identity);
        Assert.False(Key(new Column("id", SqlType.Integer, primaryKey: true, serverDefault: "0")).Columns[0].Identity);
        Assert.False(Key(new Column("id", SqlType.String(10), primaryKey: true)).Columns[0].Identity);
        Assert.False(Key(new Column("a", SqlType.Integer, primaryKey: true), new Column("b", SqlType.Integer, primaryKey: true)).Columns[0].Identity);
        Assert.False(Key(new Column("id", SqlType.Integer, primaryKey: true), new ForeignKey("fk", ["id"], "u", ["id"])).Columns[0].Identity);
    }

    [Fact]
    public void SQLites_rowid_is_the_identity_a_model_wants_with_no_warning()
    {
        var rowid = new Column("id", SqlType.Integer, primaryKey: true) { Identity = true, IdentityUnstated = true };
        var wanted = new DatabaseSchema([new Table(new TableName("t"), [new Column("id", SqlType.Integer, primaryKey: true, identity: true)])], []);
        var notWanted = new DatabaseSchema([new Table(new TableName("t"), [new Column("id", SqlType.Integer, primaryKey: true, identity: false)])], []);
        var live = new DatabaseSchema([new Table(new TableName("t"), [rowid])], []);

        Assert.Empty(Compare(wanted, live, "sqlite").Warnings);
        Assert.Empty(Compare(notWanted, live, "sqlite").Warnings);
        Assert.Single(Compare(notWanted, live, "postgresql").Warnings);
    }

    [Fact]
    public void SQLite_drops_an_unused_column_in_place_and_rebuilds_for_one_a_constraint_uses()
    {
        var live = new Table(new TableName("t"),
            [new Column("id", SqlType.Integer, primaryKey: true), new Column("free", SqlType.Text), new Column("code", SqlType.Text), new UniqueConstraint(null, "code")]);
        var sqlite = Dialect.ForName("sqlite");

        var free = Compare(new DatabaseSchema([live.Without("free")], []), new DatabaseSchema([live], []), "sqlite");
        var used = Compare(new DatabaseSchema([live with { Columns = live.Columns.Where(c => c.Name != "code").ToList(), Constraints = [] }], []),
            new DatabaseSchema([live], []), "sqlite");

        Assert.Equal("ALTER TABLE t DROP COLUMN free", Assert.Single(sqlite.Render(Assert.IsType<DropColumnOperation>(Assert.Single(free.Upgrade)))).Sql);
        var batch = Assert.IsType<BatchAlterTableOperation>(Assert.Single(used.Upgrade));
        Assert.Equal(live, batch.CopyFrom);
        // The batch carries the table it read, so that a --sql script rebuilds it without a database.
        Assert.Contains(sqlite.Render(batch), s => s.Sql.StartsWith("CREATE TABLE _retort_tmp_t", StringComparison.Ordinal));
        Assert.Contains(sqlite.Render(Assert.IsType<BatchAlterTableOperation>(Assert.Single(used.Downgrade))), s => s.Sql.StartsWith("CREATE TABLE _retort_tmp_t", StringComparison.Ordinal));
    }

    [Fact]
    public void SQLites_unnamed_constraints_are_dropped_in_one_batch_and_come_back_in_the_downgrade()
    {
        var live = new Table(new TableName("orders"),
        [
            new Column("id", SqlType.Integer, primaryKey: true), new Column("customer_id", SqlType.Integer), new Column("code", SqlType.Text),
            new Column("qty", SqlType.Integer),
            new ForeignKey(null, ["customer_id"], "customers", ["id"]), new UniqueConstraint(null, "code"), new CheckConstraint(null, "qty > 0"),
        ]);
        var customers = new Table(new TableName("customers"), [new Column("id", SqlType.Integer, primaryKey: true)]);
        var wanted = live with { Constraints = [] };

        var diff = Compare(new DatabaseSchema([customers, wanted], []), new DatabaseSchema([customers, live], []), "sqlite");

        var batch = Assert.IsType<BatchAlterTableOperation>(Assert.Single(diff.Upgrade));
        Assert.Equal(3, batch.Operations.OfType<DropConstraintOperation>().Count(d => d.Name is null));
        Assert.Empty(diff.Warnings);
        var rebuilt = Dialect.ForName("sqlite").Render(batch)[0].Sql;
        Assert.DoesNotContain("REFERENCES", rebuilt, StringComparison.Ordinal);
        Assert.DoesNotContain("UNIQUE", rebuilt, StringComparison.Ordinal);
        Assert.DoesNotContain("CHECK", rebuilt, StringComparison.Ordinal);
        var back = Dialect.ForName("sqlite").Render(Assert.IsType<BatchAlterTableOperation>(Assert.Single(diff.Downgrade)))[0].Sql;
        Assert.Contains("REFERENCES customers", back, StringComparison.Ordinal);
        Assert.Contains("batch.DropConstraint(new ForeignKey(null, [\"customer_id\"], \"customers\", [\"id\"]));", Written(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void A_not_null_column_without_a_default_is_flagged_in_the_file_with_the_default_the_class_suggests()
    {
        var live = new DatabaseSchema([new Table(new TableName("t"), [new Column("id", SqlType.Integer, primaryKey: true)])], []);
        var wanted = SchemaModel.FromTypes([typeof(Retort.Tests.Model.Samples.Suggested.T)], new ModelOptions());

        var diff = Compare(wanted, live, "postgresql");

        var text = Written(diff);
        Assert.Contains("// warning: Column t.label is NOT NULL without a server default", text, StringComparison.Ordinal);
        Assert.Contains("[ServerDefault(\"'none'\")]", text, StringComparison.Ordinal);
        Assert.Contains("[ServerDefault(\"5\")]", text, StringComparison.Ordinal);
        Assert.Contains("give it [ServerDefault(\"...\")]", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("// warning: Column t.label", StringComparison.Ordinal) < text.IndexOf("op.AddColumn(\"t\", new Column(\"label\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_possible_rename_and_a_narrowing_are_written_next_to_their_operations()
    {
        var live = new DatabaseSchema([new Table(new TableName("t"), [new Column("id", SqlType.Integer, primaryKey: true), new Column("old", SqlType.String(40)), new Column("code", SqlType.String(20))])], []);
        var wanted = new DatabaseSchema([new Table(new TableName("t"), [new Column("id", SqlType.Integer, primaryKey: true), new Column("new", SqlType.String(40)), new Column("code", SqlType.String(10))])], []);

        var text = Written(Compare(wanted, live, "postgresql"));

        Assert.Matches(@"// warning: Table t: column old is dropped and new added.*\nop\.AddColumn", text);
        Assert.Matches(@"// warning: Column t\.code becomes .*cut or refused.*\nop\.AlterColumn\(""t"", ""code""", text);
    }
}
