using Retort.Model;
using Retort.Tests.Model.Samples.Keys;

namespace Retort.Tests.Model;

/// <summary>Nullability from the C# types and <c>[Required]</c>; keys, composite keys and identity.</summary>
public sealed class KeyAndNullabilityTests
{
    private static string Read(params Type[] types) => ModelSchemaText.Of(SchemaModel.FromTypes(types));

    private static string Error(params Type[] types) => Assert.Throws<RetortException>(() => SchemaModel.FromTypes(types)).Message;

    [Fact]
    public void Nullable_reference_and_value_types_are_nullable_and_Required_makes_them_not_null()
    {
        Assert.Equal("Nullability: NotNull Text not null, MaybeNull Text, Number Integer not null, MaybeNumber Integer, " +
            "RequiredText Text not null, RequiredNumber Integer not null, MaybeBytes Binary()", Read(typeof(Nullability)));
    }

    [Fact]
    public void Reference_types_without_nullable_annotations_are_nullable()
    {
        Assert.Equal("Oblivious: Text Text, Number Integer not null", Read(typeof(Oblivious)));
    }

    [Fact]
    public void A_key_is_not_null_even_when_its_type_is_nullable()
    {
        Assert.Equal("StringKey: Code Text pk not null; PK pk_StringKey(Code)", Read(typeof(StringKey)));
    }

    [Fact]
    public void Several_keys_make_a_composite_key_ordered_by_column_order_and_without_identity()
    {
        Assert.Equal("Composite: OrderId Integer pk not null, LineNo Integer pk not null, Text Text not null; PK pk_Composite(OrderId, LineNo)",
            Read(typeof(Composite)));
    }

    [Fact]
    public void A_composite_key_without_column_order_on_every_key_property_is_refused()
    {
        Assert.Equal("CompositeUnordered: composite key (A, B) needs [Column(Order = n)] on each key property to order it; B has none",
            Error(typeof(CompositeUnordered)));
    }

    [Fact]
    public void A_composite_key_with_two_equal_column_orders_is_refused()
    {
        Assert.Equal("CompositeSameOrder: key properties A and B have the same [Column(Order = 1)]", Error(typeof(CompositeSameOrder)));
    }

    [Fact]
    public void A_single_integer_key_is_an_identity_by_convention()
    {
        Assert.Equal("ShortKey: Id SmallInteger pk identity not null; PK pk_ShortKey(Id)", Read(typeof(ShortKey)));
    }

    [Theory]
    [InlineData(typeof(ManualKey), "Integer")]
    [InlineData(typeof(GuidKey), "Guid")]
    [InlineData(typeof(EnumKey), "Integer")]
    [InlineData(typeof(DefaultedKey), "Integer")]
    public void A_key_that_is_not_generated_or_not_a_plain_integer_or_has_a_default_is_no_identity(Type type, string sqlType)
    {
        var id = SchemaModel.FromTypes([type]).Tables[0].Columns[0];

        Assert.Equal((sqlType, true, false), (id.Type.ToString()["SqlType.".Length..], id.PrimaryKey, id.Identity));
    }

    [Fact]
    public void A_key_that_is_also_a_foreign_key_is_no_identity()
    {
        Assert.Equal("Profile: UserId Integer pk not null; PK pk_Profile(UserId); FK fk_Profile_UserId_ShortKey(UserId) -> ShortKey(Id)",
            ModelSchemaText.Of(SchemaModel.FromTypes([typeof(Profile), typeof(ShortKey)]).Tables[0]));
    }

    [Fact]
    public void DatabaseGenerated_Identity_numbers_a_column_that_is_not_the_key()
    {
        Assert.Equal("IdentityNotKey: Id Guid pk not null, Serial BigInteger identity not null; PK pk_IdentityNotKey(Id)", Read(typeof(IdentityNotKey)));
    }

    [Fact]
    public void DatabaseGenerated_Identity_on_a_non_integer_is_refused()
    {
        Assert.Equal("IdentityOnText.Code: [DatabaseGenerated(Identity)] needs an integer column, not Text", Error(typeof(IdentityOnText)));
    }

    [Fact]
    public void DatabaseGenerated_Computed_without_an_expression_is_refused_with_what_to_use_instead()
    {
        Assert.Equal("Computed.Total: [DatabaseGenerated(Computed)] does not say how the column is computed; " +
            "give the expression with [Computed(\"...\")], or use [ServerDefault(\"...\")] for a default", Error(typeof(Computed)));
    }

    [Fact]
    public void Computed_makes_a_computed_column_stored_when_asked_and_never_an_identity_one()
    {
        Assert.Equal("ComputedLine: Id Integer pk identity not null, Qty Integer not null, Doubled Integer not null computed (qty * 2) stored, " +
            "Next Integer computed (qty + 1); PK pk_ComputedLine(Id)", Read(typeof(ComputedLine)));
    }

    [Fact]
    public void Computed_with_a_server_default_is_refused_naming_the_property()
    {
        Assert.Equal("ComputedWithDefault.Two: [Computed] cannot go with [ServerDefault]: a computed column has neither; keep one", Error(typeof(ComputedWithDefault)));
    }
}
