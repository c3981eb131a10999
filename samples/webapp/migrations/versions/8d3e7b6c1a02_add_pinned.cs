using Retort;

namespace WebApp.Migrations;

/// <summary>add pinned</summary>
[Revision("8d3e7b6c1a02", Revises = "5f1c0a9e2b41", CreateDate = "2026-12-07 18:41:00")]
public sealed class AddPinned : Migration
{
    public override void Upgrade(Operations op)
    {
        op.AddColumn("note", new Column("pinned", SqlType.Boolean, nullable: false, serverDefault: "FALSE"));
    }

    public override void Downgrade(Operations op)
    {
        op.DropColumn("note", "pinned");
    }
}
