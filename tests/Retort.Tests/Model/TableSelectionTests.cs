using Retort.Model;
using Retort.Tests.Model.Samples.Selection;

namespace Retort.Tests.Model;

/// <summary>Which given types become tables, and which of their properties become columns.</summary>
public sealed class TableSelectionTests
{
    [Fact]
    public void Only_public_concrete_mapped_classes_become_tables()
    {
        var schema = SchemaModel.FromTypes(
        [
            typeof(Plain), typeof(Entity), typeof(Helpers), typeof(NotATable), typeof(Generated), typeof(Hidden),
            typeof(Generic<>), typeof(SomeMigration), typeof(SomeEnv), typeof(SomeAttribute), typeof(SomeDelegate),
            typeof(IThing), typeof(Point), typeof(Colour),
        ]);

        Assert.Equal("Plain: Id Integer not null", ModelSchemaText.Of(schema));
    }

    [Fact]
    public void A_type_given_twice_is_one_table()
    {
        Assert.Single(SchemaModel.FromTypes([typeof(Plain), typeof(Plain)]).Tables);
    }

    [Fact]
    public void Base_class_properties_come_first_and_ordered_columns_before_the_others()
    {
        // Created has [Column(Order = 9)]: ordered columns lead, the rest keep declaration order (base first).
        Assert.Equal("Derived: Created DateTime not null, Id Integer pk identity not null, Title Text not null; PK pk_Derived(Id)",
            ModelSchemaText.Of(SchemaModel.FromTypes([typeof(Derived)])));
    }

    [Fact]
    public void Computed_static_indexer_and_non_public_properties_are_not_columns_but_an_annotated_read_only_one_is()
    {
        Assert.Equal("WithComputed: Id Integer not null, kept Integer not null",
            ModelSchemaText.Of(SchemaModel.FromTypes([typeof(WithComputed)])));
    }

    [Fact]
    public void An_overriding_property_keeps_its_base_place_and_attributes()
    {
        Assert.Equal("Overriding: Id Integer not null, the_name String(10) not null, Extra Integer not null",
            ModelSchemaText.Of(SchemaModel.FromTypes([typeof(Overriding)])));
    }
}
