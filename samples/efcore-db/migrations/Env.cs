using Retort;

namespace Migrations;

/// <summary>
/// This project's migration environment: read -x arguments here (XArguments), and later filter what
/// autogenerate compares. Compiled with the revisions.
/// </summary>
public sealed class Env : MigrationEnvironment
{
}
