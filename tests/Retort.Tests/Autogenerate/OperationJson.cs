using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Retort.Ops;

namespace Retort.Tests.Autogenerate;

/// <summary>Operations as JSON, every nested record by its runtime type: structural equality for records that hold lists.</summary>
internal static class OperationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Polymorphic } },
    };

    public static string Of(MigrationOperation operation) => JsonSerializer.Serialize(operation, operation.GetType(), Options);

    public static string Of(IEnumerable<MigrationOperation> operations) => string.Join("\n", operations.Select(Of));

    /// <summary>Asserts the same operations, field by field, in the same order.</summary>
    public static void Equal(IEnumerable<MigrationOperation> expected, IEnumerable<MigrationOperation> actual) =>
        Assert.Equal(Of(expected), Of(actual));

    private static void Polymorphic(JsonTypeInfo info)
    {
        Type[] derived = info.Type == typeof(TableElement) ? [typeof(Column), typeof(PrimaryKey), typeof(UniqueConstraint), typeof(CheckConstraint), typeof(ForeignKey)]
            : info.Type == typeof(Constraint) ? [typeof(PrimaryKey), typeof(UniqueConstraint), typeof(CheckConstraint), typeof(ForeignKey)]
            : [];
        if (derived.Length == 0)
            return;
        info.PolymorphismOptions = new JsonPolymorphismOptions();
        foreach (var type in derived)
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, type.Name));
    }
}
