namespace Retort.Autogenerate;

/// <summary>Table names compared as the database compares them (SQLite ignores case); schemas compare exactly.</summary>
internal sealed class TableNameComparer(StringComparer names) : IEqualityComparer<TableName>
{
    public bool Equals(TableName x, TableName y) => names.Equals(x.Name, y.Name) && x.Schema == y.Schema;

    public int GetHashCode(TableName name) => HashCode.Combine(names.GetHashCode(name.Name), name.Schema);
}
