using Retort.Ops;

namespace Retort.Dialects.Postgres;

public sealed partial class PostgresDialect
{
    /// <summary>
    /// A column as CREATE TABLE and ADD COLUMN write it, with an enum type qualified by the table's schema.
    /// PostgreSQL refuses a default on an identity column, so that pair is refused here, before the run, and so is a
    /// virtual computed column: PostgreSQL 15 stores every generated column
    /// (https://www.postgresql.org/docs/15/ddl-generated-columns.html), and writing it STORED unasked would change
    /// what the model says.
    /// </summary>
    protected override string ColumnDefinition(Column column, Table? table)
    {
        if (column is { Computed: not null, Stored: false })
            throw new NotSupportedException($"{Name}: computed column {column.Name} is virtual, which PostgreSQL does not have (its generated columns are stored); give stored: true");
        if (column.Identity && column.ServerDefault is not null)
            throw new NotSupportedException($"{Name}: column {column.Name} cannot be both an identity column and have the server default {column.ServerDefault}; drop one of them");
        // The base writes the type with TypeName; an enum's name must carry the schema CREATE TYPE put it in.
        return table is not null && column.Type.Kind == SqlTypeKind.Enum
            ? base.ColumnDefinition(column with { Type = SqlType.Raw(EnumTypeName(column.Type, table.Name)) }, table)
            : base.ColumnDefinition(column, table);
    }

    private string ColumnDefinition(Column column, TableName table) =>
        ColumnDefinition(column, new Table(table, [column]));

    /// <summary>
    /// ALTER TABLE … ADD COLUMN, after creating its enum type when it has one. A primary key column is written
    /// inline (<c>ADD COLUMN id INTEGER NOT NULL PRIMARY KEY</c>), which PostgreSQL accepts when the table has none.
    /// </summary>
    protected override IReadOnlyList<SqlStatement> AddColumn(AddColumnOperation operation)
    {
        var column = operation.Column;
        var statements = EnumsOf([column]).Select(t => CreateEnumType(t, operation.Table)).ToList();
        statements.Add(new($"ALTER TABLE {Quote(operation.Table)} ADD COLUMN {ColumnDefinition(column, operation.Table)}" +
            (column.PrimaryKey ? " PRIMARY KEY" : "")));
        if (column.Comment is not null)
            statements.AddRange(ColumnComment(operation.Table, column.Name, column.Comment, column));
        return statements;
    }

    /// <summary>ALTER TABLE … DROP COLUMN, then the drop of its enum type when no other column uses it.</summary>
    protected override IReadOnlyList<SqlStatement> DropColumn(DropColumnOperation operation) =>
        [.. base.DropColumn(operation), .. EnumsOf(operation.Existing is null ? [] : [operation.Existing]).Select(t => DropEnumType(t, operation.Table))];

    /// <summary>
    /// ALTER COLUMN as separate statements: type (<c>USING</c> when given), nullability, default, comment, rename.
    /// When the type and the default both change, the old default is dropped before the type changes, because
    /// PostgreSQL casts the old default to the new type and fails when it cannot ("default for column cannot be
    /// cast automatically"). A change to an enum creates the type first and, without a <c>USING</c>, converts with
    /// <c>USING column::type</c>, since PostgreSQL has no automatic cast from text to an enum (so the downgrade of
    /// an enum-to-text change works too; from another enum through text, as enums do not cast to each other); a
    /// change away from an enum drops the type when nothing else uses it. A default that stays while the column
    /// changes to or from an enum is dropped first and set again after, for the same reason.
    /// https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-SET-DATA-TYPE
    /// </summary>
    protected override IReadOnlyList<SqlStatement> AlterColumn(AlterColumnOperation operation)
    {
        var statements = new List<SqlStatement>();
        var enumChange = operation.Type is not null && (operation.Type.Kind == SqlTypeKind.Enum || operation.ExistingType?.Kind == SqlTypeKind.Enum);
        if (enumChange && operation.ServerDefault is null && operation.ExistingServerDefault is { } kept)
            operation = operation with { ServerDefault = new Change<string?>(kept) };
        var defaultDroppedFirst = operation.Type is not null && operation.ServerDefault is not null;
        if (defaultDroppedFirst)
            statements.Add(new($"ALTER TABLE {Quote(operation.Table)} ALTER COLUMN {Quote(operation.Column)} DROP DEFAULT"));
        if (operation.Type is { } type)
        {
            var typeName = type.Kind == SqlTypeKind.Enum ? EnumTypeName(type, operation.Table) : TypeName(type);
            var text = operation.ExistingType?.Kind == SqlTypeKind.Enum ? "::text" : "";
            var conversion = operation.Using ?? (type.Kind == SqlTypeKind.Enum ? $"{Quote(operation.Column)}{text}::{typeName}" : null);
            if (type.Kind == SqlTypeKind.Enum && type != operation.ExistingType)
                statements.Add(CreateEnumType(type, operation.Table));
            statements.Add(new($"ALTER TABLE {Quote(operation.Table)} ALTER COLUMN {Quote(operation.Column)} TYPE {typeName}" +
                (conversion is null ? "" : $" USING {conversion}")));
        }
        var rest = operation with { Type = null, Using = null };
        if (defaultDroppedFirst && operation.ServerDefault!.Value.Value is null)
            rest = rest with { ServerDefault = null };
        statements.AddRange(base.AlterColumn(rest));
        if (operation.Type is not null && operation.ExistingType is { Kind: SqlTypeKind.Enum } old && old != operation.Type)
            statements.Add(DropEnumType(old, operation.Table));
        return statements;
    }
}
