using Microsoft.EntityFrameworkCore;

namespace Sample.Shop;

/// <summary>Pomelo on MariaDB 10.11 (the model needs the server's version, given here rather than read from a server).</summary>
internal static class ShopProvider
{
    private static readonly MariaDbServerVersion Server = new(new Version(10, 11));

    public static void Use(DbContextOptionsBuilder options, string connection) => options.UseMySql(connection, Server);
}
