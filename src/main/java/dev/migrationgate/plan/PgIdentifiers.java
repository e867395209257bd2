package dev.migrationgate.plan;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Spells type names the way PostgreSQL's {@code format_type} does: quoted when needed, qualified when not visible. */
final class PgIdentifiers {

    /**
     * The keywords {@code quote_ident} quotes: every keyword that is not unreserved
     * ({@code SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'} on PostgreSQL 15).
     */
    static final Set<String> QUOTED_KEYWORDS = Set.of(("all analyse analyze and any array as asc asymmetric authorization"
            + " between bigint binary bit boolean both case cast char character check coalesce collate collation column"
            + " concurrently constraint create cross current_catalog current_date current_role current_schema"
            + " current_time current_timestamp current_user dec decimal default deferrable desc distinct do else end"
            + " except exists extract false fetch float for foreign freeze from full grant greatest group grouping"
            + " having ilike in initially inner inout int integer intersect interval into is isnull join lateral"
            + " leading least left like limit localtime localtimestamp national natural nchar none normalize not"
            + " notnull null nullif numeric offset on only or order out outer overlaps overlay placing position"
            + " precision primary real references returning right row select session_user setof similar smallint"
            + " some substring symmetric table tablesample then time timestamp to trailing treat trim true union"
            + " unique user using values varchar variadic verbose when where window with xmlattributes xmlconcat"
            + " xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable").split(" "));

    private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_]*");

    private PgIdentifiers() {
    }

    /** {@code quote_ident(name)}. */
    static String quote(String name) {
        if (SAFE.matcher(name).matches() && !QUOTED_KEYWORDS.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A type's name as {@code format_type} prints it for a session whose search path is {@code visibleSchemas}. */
    static String typeName(String schema, String name, List<String> visibleSchemas) {
        String quoted = quote(name);
        return visibleSchemas.contains(schema) ? quoted : quote(schema) + "." + quoted;
    }
}
