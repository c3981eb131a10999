using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Retort.Ops;

namespace Retort.Ops;

/// <summary>
/// Writes operation records to bytes and reads them back, field by field, so that what a revision's upgrade recorded can
/// run later in a process that cannot load the revision's compiled code (the native front). Every field goes, internal
/// and derived ones included, and nothing is recomputed on reading: no constructor runs, so the records come back as
/// they were made. Only the types below can be written or read, which also keeps a damaged or foreign file from making
/// anything else; a value of another type makes <see cref="Write"/> throw <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class OperationCodec
{
    private const int Format = 1;

    private enum Tag : byte { Null, String, True, False, Int32, Int64, Double, Decimal, Enum, Object, List }

    /// <summary>A type the codec knows: how to make one without a constructor, and its own (declared) instance fields.</summary>
    private sealed record Entry(Type Type, Func<object> Create, FieldInfo[] Fields);

    // Listed by hand because code compiled ahead of time keeps only the fields it is told about (the annotation on Of).
    // OperationCodecTests (tests/Retort.Tests/Recording) checks that every operation record of the library is here.
    private static readonly Entry[] Entries =
    [
        Of<MigrationOperation>(), Of<CreateTableOperation>(), Of<DropTableOperation>(), Of<RenameTableOperation>(),
        Of<TableCommentOperation>(), Of<AddColumnOperation>(), Of<DropColumnOperation>(), Of<AlterColumnOperation>(),
        Of<AddConstraintOperation>(), Of<DropConstraintOperation>(), Of<ExecuteSqlOperation>(), Of<BulkInsertOperation>(),
        Of<CreateIndexOperation>(), Of<DropIndexOperation>(), Of<CreateObjectOperation>(), Of<ReplaceObjectOperation>(),
        Of<DropObjectOperation>(), Of<CreateSequenceOperation>(), Of<DropSequenceOperation>(), Of<AlterSequenceOperation>(),
        Of<BatchAlterTableOperation>(),
        Of<TableElement>(), Of<Column>(), Of<Constraint>(), Of<PrimaryKey>(), Of<UniqueConstraint>(), Of<CheckConstraint>(),
        Of<ForeignKey>(), Of<Table>(), Of<TableIndex>(), Of<Sequence>(), Of<SqlType>(), Of<TableName>(), Of<Change<string?>>(),
    ];

    // Arrays are made per element type without reflection, which code compiled ahead of time cannot do for any type.
    private static readonly Dictionary<Type, Func<int, Array>> Arrays = new()
    {
        [typeof(string)] = n => new string[n], [typeof(bool)] = n => new bool[n], [typeof(object)] = n => new object?[n],
        [typeof(Column)] = n => new Column[n], [typeof(Constraint)] = n => new Constraint[n],
        [typeof(TableElement)] = n => new TableElement[n], [typeof(TableIndex)] = n => new TableIndex[n],
        [typeof(MigrationOperation)] = n => new MigrationOperation[n], [typeof(IReadOnlyList<object?>)] = n => new IReadOnlyList<object?>[n],
    };

    private static readonly Dictionary<Type, int> Index = Entries.Select((e, i) => (e.Type, i)).ToDictionary(p => p.Type, p => p.i);

    // Each entry's fields with its bases', worked out once rather than for every record written or read.
    private static readonly FieldInfo[][] Chains = [.. Entries.Select(e => FieldsOf(e.Type).ToArray())];

    private static Entry Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields
        | DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.NonPublicConstructors)] T>() =>
        new(typeof(T), () => RuntimeHelpers.GetUninitializedObject(typeof(T)),
            typeof(T).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .OrderBy(f => f.Name, StringComparer.Ordinal).ToArray());

    /// <summary>The fields of <paramref name="type"/> and of its bases, base first.</summary>
    private static IEnumerable<FieldInfo> FieldsOf(Type type)
    {
        var chain = new List<Entry>();
        for (Type? current = type; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
            chain.Add(Index.TryGetValue(current, out var i) ? Entries[i] : throw new NotSupportedException($"{current} cannot be recorded"));
        chain.Reverse();
        return chain.SelectMany(e => e.Fields);
    }

    /// <summary>The layout this build writes: each known type's name and fields, which a reader checks against its own.</summary>
    public static void WriteLayout(BinaryWriter writer)
    {
        writer.Write(Format);
        writer.Write(Entries.Length);
        foreach (var entry in Entries)
        {
            writer.Write(entry.Type.FullName!);
            writer.Write(entry.Fields.Length);
            foreach (var field in entry.Fields)
                writer.Write(field.Name);
        }
    }

    /// <summary>Whether the layout <see cref="WriteLayout"/> wrote is this build's, so that the fields line up.</summary>
    public static bool ReadLayout(BinaryReader reader)
    {
        if (reader.ReadInt32() != Format || reader.ReadInt32() != Entries.Length)
            return false;
        foreach (var entry in Entries)
        {
            if (reader.ReadString() != entry.Type.FullName || reader.ReadInt32() != entry.Fields.Length)
                return false;
            foreach (var field in entry.Fields)
                if (reader.ReadString() != field.Name)
                    return false;
        }
        return true;
    }

    /// <summary>Writes <paramref name="operations"/>.</summary>
    /// <exception cref="NotSupportedException">An operation holds a value of a type the codec does not know.</exception>
    public static void Write(BinaryWriter writer, IReadOnlyList<MigrationOperation> operations) => WriteValue(writer, operations, typeof(IReadOnlyList<MigrationOperation>));

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not what this build writes.</exception>
    public static IReadOnlyList<MigrationOperation> Read(BinaryReader reader)
    {
        try
        {
            return (IReadOnlyList<MigrationOperation>)(ReadValue(reader, typeof(IReadOnlyList<MigrationOperation>), 0) ?? throw new InvalidDataException("no operations"));
        }
        catch (Exception e) when (e is FormatException || e is IOException and not EndOfStreamException)
        {
            // BinaryReader's own complaints about damaged bytes (a string length that never ends or is negative, a bad decimal).
            throw new InvalidDataException("not an operation recording", e);
        }
    }

    private static void WriteValue(BinaryWriter writer, object? value, Type declared)
    {
        switch (value)
        {
            case null:
                writer.Write((byte)Tag.Null);
                return;
            case string s:
                writer.Write((byte)Tag.String);
                writer.Write(s);
                return;
            case bool b:
                writer.Write((byte)(b ? Tag.True : Tag.False));
                return;
            case Enum e:
                // The number alone comes back only where the field names the enum's type (not object, as a row value).
                if ((Nullable.GetUnderlyingType(declared) ?? declared) != e.GetType())
                    throw new NotSupportedException($"a value of type {e.GetType()} (for {declared}) cannot be recorded");
                writer.Write((byte)Tag.Enum);
                writer.Write(Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case int i:
                writer.Write((byte)Tag.Int32);
                writer.Write(i);
                return;
            case long l:
                writer.Write((byte)Tag.Int64);
                writer.Write(l);
                return;
            case double d:
                writer.Write((byte)Tag.Double);
                writer.Write(d);
                return;
            case decimal m:
                writer.Write((byte)Tag.Decimal);
                writer.Write(m);
                return;
        }
        var type = value.GetType();
        if (Index.TryGetValue(type, out var index))
        {
            writer.Write((byte)Tag.Object);
            writer.Write(index);
            foreach (var field in Chains[index])
                WriteValue(writer, field.GetValue(value), field.FieldType);
            return;
        }
        if (value is System.Collections.IEnumerable items && ElementType(declared) is { } element && Arrays.ContainsKey(element))
        {
            var list = items.Cast<object?>().ToList();
            writer.Write((byte)Tag.List);
            writer.Write(list.Count);
            foreach (var item in list)
                WriteValue(writer, item, element);
            return;
        }
        throw new NotSupportedException($"a value of type {type} (for {declared}) cannot be recorded");
    }

    // Far deeper than any operation nests (a batch of operations on a table of columns of types); a damaged file does not
    // get to overflow the stack.
    private const int MaxDepth = 32;

    // A value of the declared type, else InvalidDataException: damaged bytes must not make a field or array refuse a value.
    private static object? ReadValue(BinaryReader reader, Type declared, int depth)
    {
        var target = Nullable.GetUnderlyingType(declared) ?? declared;
        if (depth > MaxDepth)
            throw new InvalidDataException("operations nested too deep");
        var value = ReadTagged(reader, declared, target, depth + 1);
        return value is null || target.IsInstanceOfType(value) ? value : throw new InvalidDataException($"a {value.GetType()} for {declared}");
    }

    private static object? ReadTagged(BinaryReader reader, Type declared, Type target, int depth)
    {
        switch ((Tag)reader.ReadByte())
        {
            case Tag.Null: return null;
            case Tag.String: return reader.ReadString();
            case Tag.True: return true;
            case Tag.False: return false;
            case Tag.Int32: return reader.ReadInt32();
            case Tag.Int64: return reader.ReadInt64();
            case Tag.Double: return reader.ReadDouble();
            case Tag.Decimal: return reader.ReadDecimal();
            case Tag.Enum:
                var number = reader.ReadInt64();
                return target.IsEnum ? Enum.ToObject(target, number) : throw new InvalidDataException($"an enum value for {declared}");
            case Tag.Object:
                var index = reader.ReadInt32();
                if ((uint)index >= (uint)Entries.Length)
                    throw new InvalidDataException($"type {index} is not one the codec knows");
                var entry = Entries[index];
                if (entry.Type.IsAbstract || !target.IsAssignableFrom(entry.Type))
                    throw new InvalidDataException($"a {entry.Type} for {declared}");
                var value = entry.Create();
                foreach (var field in Chains[index])
                    field.SetValue(value, ReadValue(reader, field.FieldType, depth));
                return value;
            case Tag.List:
                var element = ElementType(target) is { } e && Arrays.ContainsKey(e) ? e
                    : throw new InvalidDataException($"a list for {declared}");
                // Each item takes a byte at least: a count beyond the bytes left is damage, not a list to allocate.
                var count = reader.ReadInt32();
                if (count < 0 || reader.BaseStream.CanSeek && count > reader.BaseStream.Length - reader.BaseStream.Position)
                    throw new InvalidDataException($"a list of {count} items");
                var array = Arrays[element](count);
                for (var i = 0; i < array.Length; i++)
                    array.SetValue(ReadValue(reader, element, depth), i);
                return array;
            default:
                throw new InvalidDataException("not an operation recording");
        }
    }

    // The element type of a field declared as T[], IReadOnlyList<T>, IEnumerable<T> and the like.
    private static Type? ElementType(Type declared) =>
        declared.IsArray ? declared.GetElementType()
        : declared.IsGenericType && declared.GetGenericArguments() is [var one] && declared.IsInterface ? one
        : null;
}
