using Retort.Model;
using Retort.Tests.Model.Samples.Naming;

namespace Retort.Tests.Model;

/// <summary>Table and column names under the naming conventions, and the default names built from them.</summary>
public sealed class NamingTests
{
    [Fact]
    public void As_is_names_are_the_CSharp_names()
    {
        Assert.Equal(
            "PurchaseOrder: PurchaseOrderId Integer pk identity not null, OrderNumber Integer not null, CustomerId Integer not null, " +
            "PlacedAt DateTime not null, HTTPRef Text; PK pk_PurchaseOrder(PurchaseOrderId); UQ uq_PurchaseOrder_OrderNumber(OrderNumber); " +
            "FK fk_PurchaseOrder_CustomerId_Customers(CustomerId) -> Customers(ID); CK ck_PurchaseOrder_1(order_number > 0); " +
            "IX ix_PurchaseOrder_PlacedAt (PlacedAt); IX ix_PurchaseOrder_CustomerId_PlacedAt (CustomerId, PlacedAt)",
            ModelSchemaText.Of(SchemaModel.FromTypes([typeof(PurchaseOrder), typeof(CustomerAccount)]).Tables[0]));
    }

    [Fact]
    public void Snake_case_renames_tables_columns_and_default_names_but_not_what_attributes_name()
    {
        var schema = SchemaModel.FromTypes([typeof(PurchaseOrder), typeof(CustomerAccount)], new ModelOptions { Naming = NamingConvention.SnakeCase });

        Assert.Equal(
            "purchase_order: purchase_order_id Integer pk identity not null, order_number Integer not null, customer_id Integer not null, " +
            "placed_at DateTime not null, HTTPRef Text; PK pk_purchase_order(purchase_order_id); UQ uq_purchase_order_order_number(order_number); " +
            "FK fk_purchase_order_customer_id_Customers(customer_id) -> Customers(id); CK ck_purchase_order_1(order_number > 0); " +
            "IX ix_purchase_order_placed_at (placed_at); IX ix_purchase_order_customer_id_placed_at (customer_id, placed_at)\n" +
            "Customers: id Integer pk identity not null; PK pk_Customers(id)",
            ModelSchemaText.Of(schema));
    }

    [Theory]
    [InlineData("OrderId", "order_id")]
    [InlineData("Id", "id")]
    [InlineData("ID", "id")]
    [InlineData("UserID", "user_id")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("Sha256Hash", "sha256_hash")]
    [InlineData("Address2", "address2")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("Has_Underscore", "has_underscore")]
    [InlineData("lowerCamel", "lower_camel")]
    public void Snake_case_splits_words_at_capitals_and_keeps_capital_runs_and_digits_together(string name, string expected)
    {
        Assert.Equal(expected, SnakeCase.Of(name));
    }

    [Fact]
    public void Options_default_to_names_as_written()
    {
        Assert.Equal(NamingConvention.AsIs, new ModelOptions().Naming);
    }
}
