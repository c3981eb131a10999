using Retort;

namespace Migrations;

/// <summary>rebuild users: name NOT NULL and text, score dropped, a check on age</summary>
[Revision("b1", Revises = "a1", CreateDate = "2026-11-26 12:00:00")]
public sealed class RebuildUsers : Migration
{
    public override void Upgrade(Operations op) =>
        op.BatchAlterTable("users", batch =>
        {
            batch.AlterColumn("name", type: SqlType.Text, nullable: false);
            batch.DropColumn("score");
            batch.CreateCheckConstraint("ck_users_age", "age >= 0");
        });
}
