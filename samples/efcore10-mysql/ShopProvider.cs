using Microsoft.EntityFrameworkCore;

namespace Sample.Shop;

/// <summary>Oracle's MySql.EntityFrameworkCore (EF Core 10), here pointed at MariaDB.</summary>
internal static class ShopProvider
{
    public static void Use(DbContextOptionsBuilder options, string connection) => options.UseMySQL(connection);
}
