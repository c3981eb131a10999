namespace Retort;

/// <summary>
/// The plan of an offline run (<c>upgrade --sql --json</c>), heard as the run writes its script: each step with its
/// statements, as structured data. Set it as <see cref="Commands.Observer"/>, run the upgrade or downgrade with a
/// <c>sql</c> writer (its text is the same statements as one script, and may be <see cref="TextWriter.Null"/>), then
/// <see cref="ToJson"/>.
/// </summary>
public sealed class MigrationPlan(string target) : MigrationObserver
{
    private readonly List<CommandJson.PlanStepJson> _steps = [];
    private List<string>? _statements;
    private string _direction = "upgrade";
    private string _database = "";

    /// <inheritdoc/>
    public override void RunStarting(MigrationRun run)
    {
        _direction = run.Direction;
        _database = run.Database;
    }

    /// <inheritdoc/>
    public override void StepStarting(MigrationRun run, MigrationStepInfo step)
    {
        _statements = [];
        _steps.Add(new CommandJson.PlanStepJson(step.Number, step.Revision, step.IsUpgrade ? "upgrade" : "downgrade", step.From, step.To,
            step.Description, _statements));
    }

    /// <inheritdoc/>
    public override void StatementStarting(MigrationRun run, MigrationStepInfo step, string sql) => _statements?.Add(sql);

    /// <summary>The steps heard so far (all of them once the run returned), one per revision or stamp.</summary>
    public int Steps => _steps.Count;

    /// <summary>The plan as a <c>retort/v1</c> document (see docs/json.md): command, database, target, and the steps.</summary>
    public string ToJson() => CommandJson.Write(new CommandJson.PlanDocument(CommandJson.Schema, _direction, _database, target, _steps));
}
