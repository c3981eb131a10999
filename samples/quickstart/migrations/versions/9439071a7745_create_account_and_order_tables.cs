using Retort;

namespace Migrations;

/// <summary>create account and order tables</summary>
[Revision("9439071a7745", CreateDate = "2026-11-26 19:31:32")]
public sealed class CreateAccountAndOrderTables : Migration
{
    public override void Upgrade(Operations op)
    {
        op.Execute("CREATE TABLE account (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, description VARCHAR(200))");
        op.Execute("CREATE TABLE \"order\" (id INTEGER NOT NULL PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE, paid BOOLEAN DEFAULT 0)");
    }

    public override void Downgrade(Operations op)
    {
        op.Execute("DROP TABLE \"order\"");
        op.Execute("DROP TABLE account");
    }
}
