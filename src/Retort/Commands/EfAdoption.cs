using Retort.Autogenerate;
using Retort.Dialects;

namespace Retort;

/// <summary>What <c>adopt-ef</c> did, or with <c>--dry-run</c> would do.</summary>
/// <param name="Contents">What the baseline revision creates, by kind ("12 tables", "9 indexes").</param>
/// <param name="Baseline">The baseline written, proved and stamped; null for a dry run.</param>
public sealed record EfAdoptionReport(IReadOnlyList<string> Contents, BaselineReport? Baseline);

/// <summary>
/// <c>adopt-ef</c>: takes a database that EF Core migrations manage over to Retort. Only a database that the EF Core
/// model (<c>model.efCore</c>) describes exactly is taken: its schema becomes the baseline revision (written and proved as
/// <see cref="SchemaRevisions.BaselineAsync"/> does), the database is stamped at it, and EF's
/// <c>__EFMigrationsHistory</c> is left as it is and out of the revision.
/// </summary>
public sealed class EfAdoption(Commands commands)
{
    /// <summary>Adopts the project's database; with <paramref name="dryRun"/>, only checks it and says what the revision would hold.</summary>
    /// <exception cref="RetortException">model.efCore is not set, or the database differs from the model (the differences listed); nothing was written.</exception>
    public async Task<EfAdoptionReport> AdoptAsync(BaselineRequest? request = null, bool dryRun = false, DateTimeOffset? now = null,
        CancellationToken cancellationToken = default)
    {
        var config = commands.Config;
        if (!config.Model.EfCore.IsSet)
            throw new RetortException($"adopt-ef compares the database with an EF Core model: set \"model\": {{ \"efCore\": {{ \"project\": \"src/App\" }} }} in {config.FilePath ?? "the config"}");
        var diff = await commands.CompareAsync(cancellationToken);
        if (diff.Upgrade.Count > 0)
            throw new RetortException($"The database differs from the EF Core model in {diff.Upgrade.Count} way(s); adopt-ef takes over only a database its model describes " +
                "(apply EF's pending migrations first with 'dotnet ef database update', or bring the model up to the database):" +
                string.Concat(diff.Upgrade.Select(o => "\n  " + OperationSummary.Describe(o))));
        if (dryRun)
        {
            var model = (await commands.LoadModelAsync(cancellationToken)).Schema!;
            var dialect = Dialect.ForName(Configuration.DatabaseUrl.From(config).Dialect);
            return new EfAdoptionReport(BaselineReport.ContentsOf(SchemaComparer.Compare(model, new DatabaseSchema([], []), dialect, new CompareOptions()).Upgrade), null);
        }
        var baseline = await commands.SchemaRevisions.BaselineAsync((request ?? new BaselineRequest("adopt EF Core schema")) with { Leave = [ModelComparison.EfMigrationsHistory] },
            now, cancellationToken);
        return new EfAdoptionReport(baseline.Contents, baseline);
    }
}
