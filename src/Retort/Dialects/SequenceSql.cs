using System.Globalization;
using System.Text;
using Retort.Ops;

namespace Retort.Dialects;

/// <summary>
/// CREATE, ALTER and DROP SEQUENCE in the SQL standard's words, which PostgreSQL and SQL Server take as they are; a
/// database's dialect says what it lacks: a type (<c>AS integer</c>: MariaDB before 11.5), changing the type or start
/// in place (SQL Server), and how it spells NO CYCLE (MariaDB: NOCYCLE).
/// </summary>
internal sealed class SequenceSql(Dialect dialect, bool types = true, bool alterType = true, bool alterStart = true, string noCycle = "NO CYCLE")
{
    public IReadOnlyList<SqlStatement> Render(MigrationOperation operation) => operation switch
    {
        CreateSequenceOperation o => [new($"CREATE SEQUENCE {dialect.Quote(o.Sequence.Name)}{Type(o.Sequence.Type)}{Start(o.Sequence)}{Attributes(o.Sequence)}")],
        AlterSequenceOperation o => [new($"ALTER SEQUENCE {dialect.Quote(o.Sequence.Name)}{AlteredType(o)}{Attributes(o.Sequence)}{AlteredStart(o)}")],
        DropSequenceOperation o => [new($"DROP SEQUENCE {dialect.Quote(o.Name)}")],
        _ => throw new ArgumentException($"{operation.GetType().Name} is not a sequence's", nameof(operation)),
    };

    private string Type(SqlType? type) => types && type is not null ? " AS " + dialect.TypeName(type) : "";

    private static string Start(Sequence sequence) => " START WITH " + Number(sequence.Start);

    // A type of none is the database's default, bigint: going back to it from another type is a change to say.
    private string AlteredType(AlterSequenceOperation o)
    {
        if (!types || o.Existing is null || (o.Existing.Type ?? SqlType.BigInteger) == (o.Sequence.Type ?? SqlType.BigInteger))
            return alterType || !types || o.Existing is null ? Type(o.Sequence.Type) : "";
        return alterType ? Type(o.Sequence.Type ?? SqlType.BigInteger)
            : throw new NotSupportedException($"{dialect.Name}: ALTER SEQUENCE cannot change the type of sequence {o.Sequence.Name}; drop it and create it again (op.DropSequence, op.CreateSequence)");
    }

    private string AlteredStart(AlterSequenceOperation o)
    {
        if (alterStart)
            return Start(o.Sequence);
        return o.Existing is null || o.Existing.Start == o.Sequence.Start ? ""
            : throw new NotSupportedException($"{dialect.Name}: ALTER SEQUENCE cannot change where sequence {o.Sequence.Name} starts without restarting it; " +
                "restart it with op.Execute(\"ALTER SEQUENCE … RESTART WITH …\") if that is what is meant");
    }

    private string Attributes(Sequence sequence) => new StringBuilder(" INCREMENT BY ").Append(Number(sequence.Increment))
        .Append(sequence.MinValue is { } min ? " MINVALUE " + Number(min) : " NO MINVALUE")
        .Append(sequence.MaxValue is { } max ? " MAXVALUE " + Number(max) : " NO MAXVALUE")
        .Append(sequence.Cycle ? " CYCLE" : " " + noCycle).ToString();

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
