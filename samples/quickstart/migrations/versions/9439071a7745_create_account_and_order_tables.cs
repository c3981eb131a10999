using Retort;

namespace Migrations;

/// <summary>create account and order tables</summary>
[Revision("9439071a7745", CreateDate = "2026-11-26 19:31:32")]
public sealed class CreateAccountAndOrderTables : Migration
{
    public override void Upgrade(Operations op)
    {
        op.CreateTable("account",
            new Column("id", SqlType.Integer, primaryKey: true),
            new Column("name", SqlType.String(50), nullable: false),
            new Column("description", SqlType.String(200), comment: "free text"));
        op.CreateTable("order",
            new Column("id", SqlType.Integer, primaryKey: true),
            new Column("account_id", SqlType.Integer, nullable: false),
            new Column("paid", SqlType.Boolean, serverDefault: "FALSE"),
            new ForeignKey("fk_order_account", ["account_id"], "account", ["id"], onDelete: "CASCADE"));
        op.CreateIndex("ix_order_account_id", "order", ["account_id"]);
    }

    public override void Downgrade(Operations op)
    {
        op.DropIndex("ix_order_account_id", "order");
        op.DropTable("order");
        op.DropTable("account");
    }
}
