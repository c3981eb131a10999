using Microsoft.EntityFrameworkCore;

namespace Sample.EfCore;

// One model change each on top of AppDbContext, chosen with the efCore "context" setting: Retort's tests expect exactly
// one operation from each, and the schema after it equal to what EF creates for the changed model.

public class AddColumnContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().Property<string>("Nickname").HasMaxLength(40);
    }
}

public class DropColumnContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().Ignore(c => c.Notes);
    }
}

public class RenameColumnContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().Property(c => c.Notes).HasColumnName("Remarks").HasAnnotation("Retort:RenamedFrom", "Notes");
    }
}

public class RenameTableContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Tag>().ToTable("Labels").HasAnnotation("Retort:RenamedFrom", "Tags");
    }
}

public class AddIndexContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Order>().HasIndex(o => o.Total);
    }
}

public class MakeUniqueContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().HasIndex(c => c.Name).IsUnique();
    }
}

public class ChangeNullabilityContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Review>().Property(r => r.Body).IsRequired();
    }
}

public class ChangeTypeContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Review>().Property(r => r.Stars).HasConversion<double>();
    }
}

public class AddForeignKeyContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Review>().HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId);
    }
}

public class AddCheckContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Review>().ToTable(t => t.HasCheckConstraint("CK_Reviews_Stars", "\"Stars\" BETWEEN 1 AND 5"));
    }
}

public class AddTableContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Coupon>().Property(c => c.Code).HasMaxLength(30);
    }
}

public class DropTableContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Ignore<Tag>();
    }
}

public class ChangeDefaultContext : AppDbContext
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Customer>().Property(c => c.Status).HasDefaultValue(2);
    }
}
