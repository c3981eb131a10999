using Retort.Model;
using Retort.Tests.Model.Samples.Constraints;
using Retort.Tests.Model.Samples.Duplicates;

namespace Retort.Tests.Model;

/// <summary>Indexes, unique and check constraints, defaults, comments, renames, and the errors of bad declarations.</summary>
public sealed class ConstraintTests
{
    private static string Error(params Type[] types) => Assert.Throws<RetortException>(() => SchemaModel.FromTypes(types)).Message;

    [Fact]
    public void Indexes_uniques_checks_defaults_comments_and_renames_are_read_with_default_names()
    {
        Assert.Equal(
            "people: id Integer pk identity not null, first String(40) not null, last String(40) not null comment 'family name', " +
            "email Text, age Integer not null default 0; comment 'who is who'; PK pk_people(id); " +
            "UQ uq_people_email(email); UQ uq_people_email_again(email); UQ uq_people_first_last(first, last); " +
            "CK ck_people_1(age >= 0); CK ck_people_last(last <> ''); CK ck_people_3(first <> last); " +
            "IX ix_people_first (first); IX ix_people_first_again unique (first); IX ix_people_last_first (last, first); " +
            "IX ix_people_email_unique unique (email) where email IS NOT NULL\n" +
            "table people renamed from persons, humans\n" +
            "column people.last renamed from surname",
            ModelSchemaText.Of(SchemaModel.FromTypes([typeof(Person)])));
    }

    [Fact]
    public void A_check_on_a_property_is_the_tables_check_and_an_index_may_be_on_an_expression()
    {
        var table = SchemaModel.FromTypes([typeof(Samples.ColumnChecks.Item)]).Tables[0];

        var checks = table.Constraints.OfType<CheckConstraint>().ToList();
        Assert.Equal(["ck_items_stock: qty <= stock", "ck_items_2: qty > 0", "ck_items_stock_positive: stock >= 0"], checks.Select(c => $"{c.Name}: {c.Condition}"));
        Assert.Equal([false, true, false], checks.Select(c => c.ImplicitName));
        var index = Assert.Single(table.Indexes);
        Assert.Equal(["(lower(name))"], index.Columns);
        Assert.Equal("ix_items_name_lower", index.Name);
    }

    [Fact]
    public void A_base_class_shares_its_indexes_and_checks_but_not_its_comment_or_old_names_and_indexes_carry_the_schema()
    {
        var table = SchemaModel.FromTypes([typeof(AuditEvent)]).Tables[0];

        Assert.Equal("audit.events: stamp DateTime not null, id BigInteger pk identity not null; PK pk_events(id); " +
            "CK ck_events_1(stamp IS NOT NULL); IX ix_events_stamp (stamp)", ModelSchemaText.Of(table));
        Assert.Equal(new TableName("events", "audit"), table.Indexes[0].Table);
    }

    [Theory]
    [InlineData(typeof(IndexOnUnknown), "IndexOnUnknown: [Index] names Missing, which is not a mapped property of IndexOnUnknown")]
    [InlineData(typeof(IndexOnNavigation), "IndexOnNavigation: [Index] names Parent, a navigation property; name the key property instead")]
    [InlineData(typeof(ClassIndexWithoutNames), "ClassIndexWithoutNames: [Index] on a class names the properties it covers: [Index(nameof(A), nameof(B))]")]
    [InlineData(typeof(PropertyIndexWithNames), "PropertyIndexWithNames.Id: [Index] on a property covers that property; name several properties in an [Index(...)] on the class")]
    [InlineData(typeof(UniqueOnUnknown), "UniqueOnUnknown: [Unique] names Nope, which is not a mapped property of UniqueOnUnknown")]
    [InlineData(typeof(SameIndexName), "table SameIndexName: two indexes or constraints are named ix_same")]
    [InlineData(typeof(NotMappedWithIndex), "NotMappedWithIndex.Skipped: is [NotMapped] but has [Index]")]
    [InlineData(typeof(IndexOnNavigationProperty), "IndexOnNavigationProperty.Self: [Index] is for columns, and this is a navigation property")]
    [InlineData(typeof(Unsupported), "Unsupported.Elapsed: TimeSpan is neither a column type nor one of the model's classes; " +
        "mark the property [NotMapped] or give it [Column(TypeName = \"...\")]")]
    [InlineData(typeof(UnsupportedCollection), "UnsupportedCollection.Tags: List<string> is neither a column type nor one of the model's classes; " +
        "mark the property [NotMapped] or give it [Column(TypeName = \"...\")]")]
    [InlineData(typeof(UnsupportedClass), "UnsupportedClass.Homepage: Uri is neither a column type nor one of the model's classes; " +
        "mark the property [NotMapped] or give it [Column(TypeName = \"...\")]")]
    [InlineData(typeof(UnsupportedObject), "UnsupportedObject.Anything: object is neither a column type nor one of the model's classes; " +
        "mark the property [NotMapped] or give it [Column(TypeName = \"...\")]")]
    [InlineData(typeof(MaxLengthOnInt), "MaxLengthOnInt.Id: [MaxLength] and [StringLength] apply to string and byte[] properties, not int")]
    [InlineData(typeof(MaxLengthZero), "MaxLengthZero.Id: a maximum length of 0 holds nothing; give a positive one")]
    [InlineData(typeof(LengthsDisagree), "LengthsDisagree.Id: [MaxLength(3)] and [StringLength(4)] disagree; keep one")]
    [InlineData(typeof(PrecisionOnDouble), "PrecisionOnDouble.Id: [Precision] applies to decimal properties, not double")]
    [InlineData(typeof(PrecisionAndTypeName), "PrecisionAndTypeName.Id: has both [Precision] and [Column(TypeName)]; give the precision in the type name")]
    [InlineData(typeof(BadPrecision), "BadPrecision.Id: [Precision(4, 6)] needs precision ≥ 1 and 0 ≤ scale ≤ precision")]
    [InlineData(typeof(SameColumnTwice), "SameColumnTwice: properties A and B both map to column x")]
    [InlineData(typeof(NoColumns), "NoColumns: no property maps to a column; give it one, or mark the class [NotMapped]")]
    public void A_bad_declaration_is_refused_with_one_line_naming_the_class_or_property(Type type, string message)
    {
        Assert.Equal(message, Error(type));
    }

    [Fact]
    public void Two_classes_of_one_table_name_are_refused_naming_both()
    {
        Assert.Equal("table Thing: Retort.Tests.Model.Samples.Duplicates.Thing and Retort.Tests.Model.Samples.Duplicates.OtherThing " +
            "both map to it; name one of them with [Table(\"...\")]", Error(typeof(Thing), typeof(OtherThing)));
    }

    [Fact]
    public void An_index_name_used_by_two_tables_is_refused()
    {
        Assert.Equal("tables a and b: both have an index or constraint named ix_shared", Error(typeof(A), typeof(B)));
    }

    [Theory]
    [InlineData(typeof(EmptyColumnName), "EmptyColumnName.Id: an attribute refuses its arguments: ")]
    [InlineData(typeof(EmptyTableName), "EmptyTableName: an attribute refuses its arguments: ")]
    public void An_attribute_whose_constructor_refuses_its_arguments_is_reported_as_a_model_error_naming_its_place(Type type, string start)
    {
        string message = Error(type);

        Assert.StartsWith(start, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }
}
