using Microsoft.EntityFrameworkCore;

namespace Sample.EfCore;

// One model change each on top of AppDbContext, chosen with the efCore "context" setting: Retort's tests expect exactly
// one operation from each, and the schema after it equal to what EF creates for the changed model.

public class AddColumnContext : AppDbContext
{
    public AddColumnContext() { }

    public AddColumnContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().Property<string>("Nickname").HasMaxLength(40);
    }
}

public class DropColumnContext : AppDbContext
{
    public DropColumnContext() { }

    public DropColumnContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().Ignore(c => c.Notes);
    }
}

public class RenameColumnContext : AppDbContext
{
    public RenameColumnContext() { }

    public RenameColumnContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().Property(c => c.Notes).HasColumnName("Remarks").HasAnnotation("Retort:RenamedFrom", "Notes");
    }
}

public class RenameTableContext : AppDbContext
{
    public RenameTableContext() { }

    public RenameTableContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Tag>().ToTable("Labels").HasAnnotation("Retort:RenamedFrom", "Tag");
    }
}

public class AddIndexContext : AppDbContext
{
    public AddIndexContext() { }

    public AddIndexContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Order>().HasIndex(o => o.Total);
    }
}

public class MakeUniqueContext : AppDbContext
{
    public MakeUniqueContext() { }

    public MakeUniqueContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().HasIndex(c => c.Name).IsUnique();
    }
}

public class ChangeNullabilityContext : AppDbContext
{
    public ChangeNullabilityContext() { }

    public ChangeNullabilityContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Review>().Property(r => r.Body).IsRequired();
    }
}

public class ChangeTypeContext : AppDbContext
{
    public ChangeTypeContext() { }

    public ChangeTypeContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Review>().Property(r => r.Stars).HasConversion<double>();
    }
}

public class AddForeignKeyContext : AppDbContext
{
    public AddForeignKeyContext() { }

    public AddForeignKeyContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Review>().HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId);
    }
}

public class AddCheckContext : AppDbContext
{
    public AddCheckContext() { }

    public AddCheckContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Review>().ToTable(t => t.HasCheckConstraint("CK_Reviews_Stars", "\"Stars\" BETWEEN 1 AND 5"));
    }
}

public class AddTableContext : AppDbContext
{
    public AddTableContext() { }

    public AddTableContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Coupon>().Property(c => c.Code).HasMaxLength(30);
    }
}

public class DropTableContext : AppDbContext
{
    public DropTableContext() { }

    public DropTableContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Ignore<Tag>();
    }
}

public class ChangeDefaultContext : AppDbContext
{
    public ChangeDefaultContext() { }

    public ChangeDefaultContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().Property(c => c.Status).HasDefaultValue(2);
    }
}

public class ChangeComputedContext : AppDbContext
{
    public ChangeComputedContext() { }

    public ChangeComputedContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Order>().Property(o => o.TotalWithTax).HasComputedColumnSql("\"Total\" * 1.25", stored: true);
    }
}

public class ChangeIndexDirectionContext : AppDbContext
{
    public ChangeIndexDirectionContext() { }

    public ChangeIndexDirectionContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().HasIndex(c => new { c.Status, c.CreatedAt }).IsDescending(true, false);
    }
}

// Sequences exist on PostgreSQL only (SQLite has none): on SQLite these two change nothing.
public class AddSequenceContext : AppDbContext
{
    public AddSequenceContext() { }

    public AddSequenceContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            model.HasSequence("InvoiceNumbers").StartsAt(500).IncrementsBy(5);
    }
}

public class ChangeSequenceContext : AppDbContext
{
    public ChangeSequenceContext() { }

    public ChangeSequenceContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            model.HasSequence<int>("OrderNumbers").StartsAt(1000).IncrementsBy(10).HasMax(999999);
    }
}
