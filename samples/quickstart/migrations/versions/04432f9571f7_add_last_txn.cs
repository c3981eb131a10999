using Retort;

namespace Migrations;

/// <summary>add last_txn</summary>
[Revision("04432f9571f7", Revises = "9439071a7745", CreateDate = "2026-11-26 19:33:05")]
public sealed class AddLastTxn : Migration
{
    public override void Upgrade(Operations op)
    {
        op.AddColumn("account", new Column("last_txn", SqlType.DateTime));
    }

    public override void Downgrade(Operations op)
    {
        op.DropColumn("account", "last_txn");
    }
}
