using Retort;

namespace Migrations;

/// <summary>users, created by setup.sql (the database is stamped here)</summary>
[Revision("a1", CreateDate = "2026-11-26 12:00:00")]
public sealed class Users : Migration
{
}
