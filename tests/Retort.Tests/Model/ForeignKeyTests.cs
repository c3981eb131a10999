using Retort.Model;
using Retort.Tests.Model.Samples.Relations;

namespace Retort.Tests.Model;

/// <summary>EF-style <c>[ForeignKey]</c> on either side, composite keys, actions, and what is refused.</summary>
public sealed class ForeignKeyTests
{
    private static string Read(params Type[] types) => ModelSchemaText.Of(SchemaModel.FromTypes(types).Tables[0]);

    private static string Error(params Type[] types) => Assert.Throws<RetortException>(() => SchemaModel.FromTypes(types)).Message;

    [Fact]
    public void ForeignKey_on_a_navigation_names_its_key_property_and_targets_the_referenced_class_key_in_its_schema()
    {
        Assert.Equal("sales.invoices: Id Integer pk identity not null, CustomerId Integer not null; PK pk_invoices(Id); " +
            "FK fk_invoices_CustomerId_customers(CustomerId) -> sales.customers(Id) on delete SET NULL on update CASCADE",
            Read(typeof(Invoice), typeof(Customer)));
    }

    [Fact]
    public void ForeignKey_on_a_navigation_may_name_several_key_properties_in_the_referenced_key_order()
    {
        Assert.Equal("LineNote: Id Integer pk identity not null, NoteLine Integer not null, NoteInvoice Integer not null; PK pk_LineNote(Id); " +
            "FK fk_LineNote_NoteInvoice_NoteLine_Line(NoteInvoice, NoteLine) -> Line(InvoiceNo, LineNo)",
            Read(typeof(LineNote), typeof(Line)));
    }

    [Fact]
    public void The_same_key_declared_on_both_sides_is_one_foreign_key_and_Required_on_the_navigation_is_kept()
    {
        Assert.Equal("BothSides: Id Integer pk identity not null, CustomerId Integer not null; PK pk_BothSides(Id); " +
            "FK fk_BothSides_CustomerId_customers(CustomerId) -> sales.customers(Id) on delete CASCADE",
            Read(typeof(BothSides), typeof(Customer), typeof(Invoice)));
    }

    [Fact]
    public void Required_on_the_navigation_makes_a_nullable_key_property_not_null()
    {
        Assert.Equal("RequiredNavigation: Id Integer pk identity not null, CustomerId Integer not null; PK pk_RequiredNavigation(Id); " +
            "FK fk_RequiredNavigation_CustomerId_customers(CustomerId) -> sales.customers(Id)",
            Read(typeof(RequiredNavigation), typeof(Customer), typeof(Invoice)));
    }

    [Fact]
    public void A_navigation_without_ForeignKey_makes_no_foreign_key_because_names_are_not_guessed()
    {
        Assert.Equal("Unrelated: Id Integer pk identity not null, CustomerId Integer not null; PK pk_Unrelated(Id)",
            Read(typeof(Unrelated), typeof(Customer), typeof(Invoice)));
    }

    [Theory]
    [InlineData(typeof(ToKeyless), "ToKeyless.Target: the foreign key refers to Keyless, which has no [Key]")]
    [InlineData(typeof(UnknownNavigation), "UnknownNavigation.CustomerId: [ForeignKey(\"Nowhere\")] names no navigation property of UnknownNavigation")]
    [InlineData(typeof(NamesColumn), "NamesColumn.CustomerId: [ForeignKey(\"Other\")] names a column; on a key property it names the navigation property")]
    [InlineData(typeof(NamesUnknownKey), "NamesUnknownKey.Customer: [ForeignKey(\"CustomerNo\")] names CustomerNo, which is not a mapped property of NamesUnknownKey")]
    [InlineData(typeof(ToAbstract), "ToAbstract.Target: [ForeignKey] needs a reference to a table class, and AbstractTarget is not one " +
        "(a collection, abstract, [NotMapped], or not among the model's types)")]
    [InlineData(typeof(TooFewColumns), "TooFewColumns.Line: the foreign key has 1 column(s) (LineNo) but Line's key has 2 (InvoiceNo, LineNo)")]
    [InlineData(typeof(OnDeleteAlone), "OnDeleteAlone.CustomerId: [OnDelete] and [OnUpdate] go next to the [ForeignKey] they qualify, on the same property")]
    [InlineData(typeof(BadAction), "BadAction.CustomerId: 'DESTROY' is not a referential action; use one of CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION")]
    [InlineData(typeof(TwoKeyProperties), "TwoKeyProperties: InvoiceNo and LineNo all name navigation Line in [ForeignKey]; for a composite key " +
        "put [ForeignKey(\"InvoiceNo, LineNo\")] on Line, in the referenced key's order")]
    [InlineData(typeof(OnCollection), "OnCollection.Invoices: [ForeignKey] needs a reference to a table class, and List<Invoice> is not one " +
        "(a collection, abstract, [NotMapped], or not among the model's types)")]
    [InlineData(typeof(ConflictingActions), "ConflictingActions.Customer: [OnDelete] differs between the navigation and its key property")]
    public void A_foreign_key_that_cannot_be_resolved_is_refused_with_one_line_naming_the_property(Type type, string message)
    {
        Assert.Equal(message, Error(type, typeof(Keyless), typeof(Customer), typeof(Invoice), typeof(Line), typeof(AbstractTarget)));
    }
}
