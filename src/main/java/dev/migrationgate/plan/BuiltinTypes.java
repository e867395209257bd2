package dev.migrationgate.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code pg_catalog} types a migration commonly declares, with the names {@code format_type}
 * prints for them and its rules for type modifiers.
 */
final class BuiltinTypes {

    private static final String PG_CATALOG = "pg_catalog";

    private static final Map<String, String> SERIAL = Map.of("serial", "int4", "serial4", "int4", "bigserial", "int8",
            "serial8", "int8", "smallserial", "int2", "serial2", "int2");

    private static final Map<String, String> DISPLAY = Map.ofEntries(
            Map.entry("int2", "smallint"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"),
            Map.entry("float4", "real"), Map.entry("float8", "double precision"), Map.entry("numeric", "numeric"),
            Map.entry("money", "money"), Map.entry("bool", "boolean"), Map.entry("varchar", "character varying"),
            Map.entry("bpchar", "character"), Map.entry("char", "\"char\""), Map.entry("text", "text"),
            Map.entry("name", "name"), Map.entry("bit", "bit"), Map.entry("varbit", "bit varying"),
            Map.entry("bytea", "bytea"), Map.entry("uuid", "uuid"), Map.entry("json", "json"),
            Map.entry("jsonb", "jsonb"), Map.entry("jsonpath", "jsonpath"), Map.entry("xml", "xml"),
            Map.entry("date", "date"), Map.entry("time", "time without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("interval", "interval"),
            Map.entry("inet", "inet"), Map.entry("cidr", "cidr"), Map.entry("macaddr", "macaddr"),
            Map.entry("macaddr8", "macaddr8"), Map.entry("oid", "oid"), Map.entry("regclass", "regclass"),
            Map.entry("regtype", "regtype"), Map.entry("tsvector", "tsvector"), Map.entry("tsquery", "tsquery"),
            Map.entry("point", "point"), Map.entry("line", "line"), Map.entry("lseg", "lseg"), Map.entry("box", "box"),
            Map.entry("path", "path"), Map.entry("polygon", "polygon"), Map.entry("circle", "circle"),
            Map.entry("int4range", "int4range"), Map.entry("int8range", "int8range"),
            Map.entry("numrange", "numrange"), Map.entry("tsrange", "tsrange"), Map.entry("tstzrange", "tstzrange"),
            Map.entry("daterange", "daterange"), Map.entry("pg_lsn", "pg_lsn"));

    private BuiltinTypes() {
    }

    /** The catalog description of {@code type} when it names a type listed here, else empty. */
    static Optional<ColumnType> resolve(TypeSyntax type) {
        if (type.schema() != null && !type.schema().equals(PG_CATALOG)) {
            return Optional.empty();
        }
        String typname = SERIAL.getOrDefault(type.name(), type.name());
        if (!DISPLAY.containsKey(typname)) {
            return Optional.empty();
        }
        String format = format(typname, type.modifiers(), type.intervalFields());
        return Optional.of(type.array()
                ? new ColumnType(format + "[]", PG_CATALOG, "_" + typname, false)
                : new ColumnType(format, PG_CATALOG, typname, false));
    }

    private static String format(String typname, List<String> modifiers, String intervalFields) {
        String display = DISPLAY.get(typname);
        return switch (typname) {
            case "timestamp", "timestamptz", "time", "timetz" -> (typname.startsWith("timestamp") ? "timestamp" : "time")
                    + precision(modifiers) + (typname.endsWith("tz") ? " with time zone" : " without time zone");
            case "interval" -> "interval" + (intervalFields == null ? "" : " " + intervalFields) + precision(modifiers);
            case "numeric" -> modifiers.isEmpty() ? display : "numeric(" + ColumnTypeParser.number(modifiers.get(0)) + ","
                    + (modifiers.size() > 1 ? ColumnTypeParser.number(modifiers.get(1)) : 0) + ")";
            case "varchar", "bit", "varbit" -> modifiers.isEmpty() ? display
                    : display + "(" + ColumnTypeParser.number(modifiers.get(0)) + ")";
            case "bpchar" -> modifiers.isEmpty() ? "bpchar" : display + "(" + ColumnTypeParser.number(modifiers.get(0)) + ")";
            default -> display;
        };
    }

    /** PostgreSQL lowers a fractional-seconds precision above 6 to 6. */
    private static String precision(List<String> modifiers) {
        return modifiers.isEmpty() ? "" : "(" + Math.min(ColumnTypeParser.number(modifiers.get(0)), 6) + ")";
    }
}
