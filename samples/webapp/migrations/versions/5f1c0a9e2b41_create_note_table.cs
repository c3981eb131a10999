using Retort;

namespace WebApp.Migrations;

/// <summary>create note table</summary>
[Revision("5f1c0a9e2b41", CreateDate = "2026-12-07 18:40:00")]
public sealed class CreateNoteTable : Migration
{
    public override void Upgrade(Operations op)
    {
        op.CreateTable("note",
            new Column("id", SqlType.Integer, primaryKey: true),
            new Column("body", SqlType.Text, nullable: false));
    }

    public override void Downgrade(Operations op)
    {
        op.DropTable("note");
    }
}
