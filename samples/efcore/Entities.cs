namespace Sample.EfCore;

public class Customer
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public int Status { get; set; }
    public decimal Rating { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Order> Orders { get; set; } = [];
}

public class Address
{
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
}

public class Order
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public int CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public decimal Total { get; set; }
    public decimal TotalWithTax { get; set; }
    public Address ShippingAddress { get; set; } = new();
    public List<OrderLine> Lines { get; set; } = [];
}

public class OrderLine
{
    public int OrderId { get; set; }
    public int LineNo { get; set; }
    public int ProductId { get; set; }
    public int Quantity { get; set; }
    public Order Order { get; set; } = null!;
    public Product Product { get; set; } = null!;
}

public class Category
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public class Product
{
    public int Id { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public int? CategoryId { get; set; }
    public Category? Category { get; set; }
    public ProductDetail Detail { get; set; } = null!;
}

/// <summary>Table splitting: shares the Products table.</summary>
public class ProductDetail
{
    public int Id { get; set; }
    public string? Description { get; set; }
}

public class Review
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int Stars { get; set; }
    public string? Body { get; set; }
}

public class Tag
{
    public int Id { get; set; }
    public string Label { get; set; } = "";
}

/// <summary>TPH: one Payments table with a discriminator.</summary>
public abstract class Payment
{
    public int Id { get; set; }
    public decimal Amount { get; set; }
}

public class CardPayment : Payment
{
    public string CardLast4 { get; set; } = "";
}

public class BankPayment : Payment
{
    public string Iban { get; set; } = "";
}

/// <summary>TPT: People, and Employees keyed by the person.</summary>
public class Person
{
    public int Id { get; set; }
    public string FullName { get; set; } = "";
}

public class Employee : Person
{
    public string Department { get; set; } = "";
}

/// <summary>TPC: no Animals table; Dogs and Cats each hold every column.</summary>
public abstract class Animal
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
}

public class Dog : Animal
{
    public bool GoodBoy { get; set; }
}

public class Cat : Animal
{
    public int Lives { get; set; }
}

/// <summary>Mapped to a view: left out of the comparison, as EF's EnsureCreated leaves it out.</summary>
public class ProductStat
{
    public int ProductId { get; set; }
    public int Reviews { get; set; }
}

/// <summary>Only in <see cref="AddTableContext"/>.</summary>
public class Coupon
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
}
