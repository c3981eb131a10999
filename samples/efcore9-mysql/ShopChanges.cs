using Microsoft.EntityFrameworkCore;

namespace Sample.Shop;

// One model change each on top of ShopContext, as samples/efcore/Changes.cs for SQLite and PostgreSQL: Retort's tests
// expect one operation from each, and the schema after it equal to what EF creates for the changed model.

public class AddColumnContext : ShopContext
{
    public AddColumnContext() { }

    public AddColumnContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().Property<string>("Nickname").HasMaxLength(40);
    }
}

public class DropColumnContext : ShopContext
{
    public DropColumnContext() { }

    public DropColumnContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Order>().Ignore(o => o.Notes);
    }
}

public class RenameColumnContext : ShopContext
{
    public RenameColumnContext() { }

    public RenameColumnContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Order>().Property(o => o.Notes).HasColumnName("Remarks").HasAnnotation("Retort:RenamedFrom", "Notes");
    }
}

public class RenameTableContext : ShopContext
{
    public RenameTableContext() { }

    public RenameTableContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Tag>().ToTable("Labels").HasAnnotation("Retort:RenamedFrom", "Tag");
    }
}

public class AddIndexContext : ShopContext
{
    public AddIndexContext() { }

    public AddIndexContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().HasIndex(c => c.Name);
    }
}

public class MakeUniqueContext : ShopContext
{
    public MakeUniqueContext() { }

    public MakeUniqueContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Order>().HasIndex(o => o.Total).IsUnique();
    }
}

public class ChangeNullabilityContext : ShopContext
{
    public ChangeNullabilityContext() { }

    public ChangeNullabilityContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Order>().Property(o => o.Notes).IsRequired();
    }
}

public class ChangeTypeContext : ShopContext
{
    public ChangeTypeContext() { }

    public ChangeTypeContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Tag>().Property(t => t.Weight).HasConversion<double>();
    }
}

public class AddForeignKeyContext : ShopContext
{
    public AddForeignKeyContext() { }

    public AddForeignKeyContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Tag>().HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId);
    }
}

public class AddCheckContext : ShopContext
{
    public AddCheckContext() { }

    public AddCheckContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Tag>().ToTable(t => t.HasCheckConstraint("CK_Tag_Weight", "`Weight` >= 0"));
    }
}

public class AddTableContext : ShopContext
{
    public AddTableContext() { }

    public AddTableContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Coupon>().Property(c => c.Code).HasMaxLength(30);
    }
}

public class DropTableContext : ShopContext
{
    public DropTableContext() { }

    public DropTableContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Ignore<Tag>();
    }
}

public class ChangeDefaultContext : ShopContext
{
    public ChangeDefaultContext() { }

    public ChangeDefaultContext(DbContextOptions options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().Property(c => c.Status).HasDefaultValue(2);
    }
}
