namespace Retort;

public static partial class CommandText
{
    /// <summary>
    /// <c>baseline --from-live</c>: the revision written and what it creates, the proof's verdict (with each difference
    /// when it failed), whether the database was stamped, the model files and what they cannot say, and notes.
    /// </summary>
    public static IReadOnlyList<string> Baseline(BaselineReport report)
    {
        var revision = report.Revision;
        var lines = new List<string>
        {
            $"Generating {DisplayPath(revision.Path!)} ... done",
            $"  base revision {revision.Id} creates {string.Join(", ", report.Contents)}, as read from {report.Database}",
        };
        if (report.ProofFailure is not null)
            lines.Add($"Proof FAILED on {report.ScratchDatabase}: {report.ProofFailure}");
        else if (report.ProofDifferences.Count > 0)
        {
            lines.Add($"Proof FAILED on {report.ScratchDatabase}: the revision's upgrade does not build the live schema; " +
                $"from what it builds to the live database ({report.ProofDifferences.Count}):");
            lines.AddRange(report.ProofDifferences.Select(d => $"  {d}"));
        }
        else
            lines.Add($"Proved on {report.ScratchDatabase}, a scratch database dropped after the run: the revision builds exactly the schema read from the database");
        if (report.Stamped)
            lines.Add($"Stamped {report.Database} at {revision.Id}: Retort's version table created and stamped, the schema itself unchanged");
        else if (!report.Proved)
            lines.Add($"Not stamped. The revision is kept: edit it until it builds what the database has (the lines above are what Retort " +
                $"could not read back or write), then 'retort stamp {revision.Id}' adopts the database and 'retort check --drift' proves it again");
        else
            lines.Add($"Not stamped (--no-stamp): 'retort stamp {revision.Id}' adopts the database when you are ready");
        if (report.ModelFiles.Count > 0)
        {
            var here = Directory.GetCurrentDirectory();
            var folder = DisplayPath(Path.GetDirectoryName(report.ModelFiles[0])!, here);
            lines.Add($"Wrote {report.ModelFiles.Count} model class file(s) to {folder}: {string.Join(", ", report.ModelFiles.Select(Path.GetFileName))}");
            lines.Add(report.ModelGaps.Count == 0
                ? "  'retort check' with them (model.sources) finds nothing to change"
                : "  what they cannot say, which 'retort check' with them reports or leaves out:");
            lines.AddRange(report.ModelGaps.Select(g => $"    {g}"));
        }
        lines.AddRange(report.Notes.Select(n => $"note: {n}"));
        return lines;
    }
}
