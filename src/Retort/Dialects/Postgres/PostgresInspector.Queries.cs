namespace Retort.Dialects.Postgres;

internal sealed partial class PostgresInspector
{
    // Ordinary and partitioned tables of the schema read (by default the current schema, search_path's first existing
    // one), not the partitions themselves and not the tables an extension installed (PostGIS's spatial_ref_sys, …).
    private static string TablesOf(string schema) => $"""
        n.nspname = {schema} AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
        """;

    // Seven SELECTs sent as one command: one round trip and the same seven queries however many tables there are.
    // Lists come back as JSON text so that any ADO.NET provider reads them as strings.
    // https://www.postgresql.org/docs/current/catalogs.html
    private static string Sql(string schema) => $"""
        SELECT current_schema();

        SELECT c.relname, obj_description(c.oid, 'pg_class')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE {TablesOf(schema)}
        ORDER BY c.relname;

        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
            CASE WHEN t.typtype = 'e' THEN t.typname::text END,
            CASE WHEN t.typtype = 'e' THEN (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)::text END,
            a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text,
            EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class sq ON sq.oid = dep.objid AND sq.relkind = 'S'
                WHERE dep.refclassid = 'pg_class'::regclass AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum AND dep.deptype IN ('a', 'i')),
            col_description(c.oid, a.attnum),
            CASE WHEN a.attcollation <> t.typcollation THEN co.collname::text END
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        WHERE {TablesOf(schema)} AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum;

        SELECT c.relname, k.conname, k.contype::text,
            (SELECT json_agg(a.attname ORDER BY u.i) FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n)::text,
            r.relname, rn.nspname,
            (SELECT json_agg(a.attname ORDER BY u.i) FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n)::text,
            k.confupdtype::text, k.confdeltype::text, k.condeferrable, k.condeferred,
            CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid, true) END
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class r ON r.oid = k.confrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
        WHERE {TablesOf(schema)} AND k.contype IN ('p', 'u', 'f', 'c')
        ORDER BY c.relname, k.conname;

        SELECT c.relname, ic.relname, i.indisunique,
            (SELECT json_agg(json_build_array(i.indkey[p - 1] = 0, coalesce(a.attname::text, pg_get_indexdef(i.indexrelid, p, true)),
                    i.indoption[p - 1] & 1 = 1) ORDER BY p)
                FROM generate_series(1, i.indnkeyatts) p
                LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[p - 1])::text,
            pg_get_expr(i.indpred, i.indrelid, true)
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE {TablesOf(schema)}
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
        ORDER BY c.relname, ic.relname;

        SELECT c.relname, pg_get_viewdef(c.oid, true)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = {schema} AND c.relkind = 'v'
            AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
        ORDER BY c.relname;

        SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle
        FROM pg_sequence s
        JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema()
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
        ORDER BY c.relname;
        """;
}
