namespace Retort.Scripting.Internal;

/// <summary>
/// What a compiled script assembly contains, found once at compile time and embedded in it as a
/// resource, so that loading needs no scan over its types.
/// </summary>
/// <param name="RevisionTypes">Each revision id and the metadata name of its migration class (nested types with '+').</param>
/// <param name="EnvironmentTypeName">The metadata name of the environment class, or null when there is none.</param>
/// <param name="TypesBySource">Top-level classes by the key path of the file declaring them.</param>
/// <param name="WithoutConstructor">
/// The revisions whose class, and every class between it and <see cref="Migration"/>, declares no constructor and no
/// instance field: their constructors do nothing, so an instance can be made without running (and JIT-compiling) one.
/// </param>
/// <param name="Recordable">
/// The revisions whose upgrade and downgrade are only <c>op.</c> calls on constant values (RecordableCode): recording them
/// once gives what they do on every run.
/// </param>
/// <param name="Refusals">Why each other revision is not recordable ("line 7: `var name = …` (…)").</param>
internal sealed record ScriptIndex(IReadOnlyDictionary<string, string> RevisionTypes, string? EnvironmentTypeName,
    IReadOnlyDictionary<string, IReadOnlyList<string>> TypesBySource, IReadOnlySet<string> WithoutConstructor, IReadOnlySet<string> Recordable,
    IReadOnlyDictionary<string, string> Refusals)
{
    /// <summary>Writes the index in the format <see cref="ReadFrom"/> reads.</summary>
    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(ScriptSettings.FormatVersion);
        writer.Write(RevisionTypes.Count);
        foreach (var (id, typeName) in RevisionTypes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(id);
            writer.Write(typeName);
            writer.Write((byte)((WithoutConstructor.Contains(id) ? 1 : 0) | (Recordable.Contains(id) ? 2 : 0)));
            writer.Write(Refusals.GetValueOrDefault(id) ?? "");
        }
        writer.Write(EnvironmentTypeName ?? "");
        writer.Write(TypesBySource.Count);
        foreach (var (source, types) in TypesBySource.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(source);
            writer.Write(types.Count);
            foreach (var type in types)
                writer.Write(type);
        }
    }

    /// <summary>Reads an index written by <see cref="WriteTo"/>.</summary>
    public static ScriptIndex ReadFrom(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        int version = reader.ReadInt32();
        if (version != ScriptSettings.FormatVersion)
        {
            throw new InvalidDataException($"script index format {version}, expected {ScriptSettings.FormatVersion}");
        }
        int count = reader.ReadInt32();
        var revisions = new Dictionary<string, string>(count, StringComparer.Ordinal);
        var withoutConstructor = new HashSet<string>(StringComparer.Ordinal);
        var recordable = new HashSet<string>(StringComparer.Ordinal);
        var refusals = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            revisions.Add(id, reader.ReadString());
            var flags = reader.ReadByte();
            if ((flags & 1) != 0)
                withoutConstructor.Add(id);
            if ((flags & 2) != 0)
                recordable.Add(id);
            if (reader.ReadString() is { Length: > 0 } refusal)
                refusals.Add(id, refusal);
        }
        string environment = reader.ReadString();
        int sources = reader.ReadInt32();
        var typesBySource = new Dictionary<string, IReadOnlyList<string>>(sources, StringComparer.Ordinal);
        for (int i = 0; i < sources; i++)
        {
            var source = reader.ReadString();
            var types = new string[reader.ReadInt32()];
            for (int j = 0; j < types.Length; j++)
                types[j] = reader.ReadString();
            typesBySource.Add(source, types);
        }
        return new ScriptIndex(revisions, environment.Length == 0 ? null : environment, typesBySource, withoutConstructor, recordable, refusals);
    }
}
