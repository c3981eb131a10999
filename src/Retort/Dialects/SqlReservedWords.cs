namespace Retort.Dialects;

/// <summary>Reserved words shared by the SQL standard and the databases Retort speaks; a dialect adds its own.</summary>
internal static class SqlReservedWords
{
    public static readonly IReadOnlySet<string> Common = Set("""
        ADD ALL ALTER AND ANY ARRAY AS ASC ASYMMETRIC AUTHORIZATION BETWEEN BINARY BOTH BY CASE CAST CHECK COLLATE
        COLUMN CONSTRAINT CREATE CROSS CURRENT_CATALOG CURRENT_DATE CURRENT_ROLE CURRENT_SCHEMA CURRENT_TIME
        CURRENT_TIMESTAMP CURRENT_USER DEFAULT DEFERRABLE DELETE DESC DISTINCT DO DROP ELSE END EXCEPT EXISTS FALSE
        FETCH FOR FOREIGN FROM FULL GRANT GROUP HAVING IN INDEX INITIALLY INNER INSERT INTERSECT INTO IS JOIN KEY
        LATERAL LEADING LEFT LIKE LIMIT LOCALTIME LOCALTIMESTAMP NATURAL NOT NULL OFFSET ON ONLY OR ORDER OUTER
        OVERLAPS PLACING PRIMARY REFERENCES RETURNING RIGHT ROW ROWS SELECT SESSION_USER SET SIMILAR SOME SYMMETRIC
        TABLE THEN TO TRAILING TRUE UNION UNIQUE UPDATE USER USING VALUES VARIADIC VIEW WHEN WHERE WINDOW WITH
        """);

    public static IReadOnlySet<string> Set(string words, IReadOnlySet<string>? plus = null)
    {
        var set = new HashSet<string>(words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        if (plus is not null)
            set.UnionWith(plus);
        return set;
    }
}
