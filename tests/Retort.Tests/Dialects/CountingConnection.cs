using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Retort.Tests.Dialects;

/// <summary>A connection that counts the commands created through it, to prove an inspector's query count.</summary>
internal sealed class CountingConnection(DbConnection inner) : DbConnection
{
    public int Commands { get; private set; }

    [AllowNull]
    public override string ConnectionString { get => inner.ConnectionString; set => inner.ConnectionString = value; }
    public override string Database => inner.Database;
    public override string DataSource => inner.DataSource;
    public override string ServerVersion => inner.ServerVersion;
    public override ConnectionState State => inner.State;
    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);
    public override void Close() => inner.Close();
    public override void Open() => inner.Open();
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand()
    {
        Commands++;
        return inner.CreateCommand();
    }
}
