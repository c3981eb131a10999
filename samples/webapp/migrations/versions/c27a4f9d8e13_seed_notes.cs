using Retort;

namespace WebApp.Migrations;

/// <summary>seed notes</summary>
[Revision("c27a4f9d8e13", Revises = "8d3e7b6c1a02", CreateDate = "2026-12-07 18:42:00")]
public sealed class SeedNotes : Migration
{
    public override void Upgrade(Operations op)
    {
        op.BulkInsert("note", new[]
        {
            new { id = 1, body = "migrated at start-up", pinned = true },
            new { id = 2, body = "by exactly one replica", pinned = false },
        });
    }

    public override void Downgrade(Operations op)
    {
        op.Execute("DELETE FROM note WHERE id IN (1, 2)");
    }
}
