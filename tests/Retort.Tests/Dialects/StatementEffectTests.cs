using Retort.Dialects;

namespace Retort.Tests.Dialects;

/// <summary>What a DDL statement left in doubt creates or drops, as read from its text to settle it.</summary>
public sealed class StatementEffectTests
{
    [Theory]
    [InlineData("CREATE TABLE t (id INT)", "table t exists")]
    [InlineData("create table if not exists `db`.`T 1` (id int)", "table db.T 1 exists")]
    [InlineData("CREATE OR REPLACE TABLE t AS SELECT 1", "table t exists")]
    [InlineData("DROP TABLE IF EXISTS a, b", "table a is gone; table b is gone")]
    [InlineData("CREATE UNIQUE INDEX ux ON t (a)", "ux on t exists")]
    [InlineData("CREATE INDEX ix ON db.t (a)", "ix on db.t exists")]
    [InlineData("DROP INDEX ix ON t", "ix on t is gone")]
    [InlineData("CREATE ALGORITHM = MERGE DEFINER = CURRENT_USER SQL SECURITY INVOKER VIEW v AS SELECT 1", "view v exists")]
    [InlineData("DROP VIEW IF EXISTS v", "view v is gone")]
    [InlineData("RENAME TABLE a TO b", "table a is gone; table b exists")]
    [InlineData("ALTER TABLE t ADD COLUMN c INT NULL", "column t.c exists")]
    [InlineData("ALTER TABLE t ADD c INT, ADD CONSTRAINT fk_t FOREIGN KEY (c) REFERENCES u (id)", "column t.c exists; fk_t on t exists")]
    [InlineData("ALTER TABLE t ADD UNIQUE KEY uq_t (a, b)", "uq_t on t exists")]
    [InlineData("ALTER TABLE t ADD PRIMARY KEY (id)", "the primary key of t exists")]
    [InlineData("ALTER TABLE t DROP COLUMN c", "column t.c is gone")]
    [InlineData("ALTER TABLE t DROP FOREIGN KEY fk_t", "fk_t on t is gone")]
    [InlineData("ALTER TABLE t DROP CHECK ck_t, DROP INDEX ix_t", "ck_t on t is gone; ix_t on t is gone")]
    [InlineData("ALTER TABLE t RENAME COLUMN a TO b", "column t.a is gone; column t.b exists")]
    [InlineData("ALTER TABLE t CHANGE a b INT NOT NULL", "column t.a is gone; column t.b exists")]
    [InlineData("ALTER TABLE t RENAME TO u", "table t is gone; table u exists")]
    [InlineData("-- a comment\nCREATE TABLE t (id INT)", "table t exists")]
    public void A_statement_whose_text_says_what_it_does_is_read(string sql, string expected) =>
        Assert.Equal(expected, string.Join("; ", StatementEffects.Of(sql)));

    [Theory]
    [InlineData("CALL slow_proc()")]
    [InlineData("ALTER TABLE t MODIFY c BIGINT")]
    [InlineData("ALTER TABLE t ALTER COLUMN c SET DEFAULT 1")]
    [InlineData("ALTER TABLE t ADD INDEX (a)")]
    [InlineData("ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u (id)")]
    [InlineData("CREATE TEMPORARY TABLE t (id INT)")]
    [InlineData("CREATE PROCEDURE p() BEGIN SELECT 1; END")]
    [InlineData("INSERT INTO t VALUES (1)")]
    [InlineData("CREATE INDEX ON t (a)")]
    [InlineData("GRANT SELECT ON t TO u")]
    public void A_statement_whose_effect_is_not_in_its_text_reads_as_none(string sql) =>
        Assert.Empty(StatementEffects.Of(sql));

    [Theory]
    [InlineData("INSERT INTO t VALUES (1)", false)]
    [InlineData("  /* batch */ update t set a = 1", false)]
    [InlineData("(SELECT 1)", false)]
    [InlineData("REPLACE INTO t VALUES (1)", false)]
    [InlineData("CREATE TABLE t (id INT)", true)]
    [InlineData("ALTER TABLE t ADD c INT", true)]
    [InlineData("CALL p()", true)]
    [InlineData("TRUNCATE TABLE t", true)]
    public void On_MariaDB_only_data_changes_share_a_transaction_with_their_count(string sql, bool commitsItself) =>
        Assert.Equal(commitsItself, Dialect.ForName("mysql").Bookkeeping.CommitsItself(new SqlStatement(sql)));
}
