package dev.migrationgate.check;

import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.inspect.PgColumn;
import dev.migrationgate.inspect.PgEnumType;
import dev.migrationgate.inspect.PgExtension;
import dev.migrationgate.inspect.SessionSettings;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A deliberately plain catalog reader for the fix tests, so they can re-check a database after applying
 * the generated repairs without depending on the production inspector.
 */
final class TestCatalog {

    private TestCatalog() {
    }

    static CatalogSnapshot read(Connection connection) throws SQLException {
        return new CatalogSnapshot(enumTypes(connection), columns(connection), extensions(connection),
                settings(connection), MigrationHistory.empty());
    }

    private static List<PgEnumType> enumTypes(Connection connection) throws SQLException {
        List<PgEnumType> types = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT n.nspname, t.typname,
                       coalesce(array_agg(e.enumlabel ORDER BY e.enumsortorder) FILTER (WHERE e.oid IS NOT NULL), '{}')
                FROM pg_type t
                JOIN pg_namespace n ON n.oid = t.typnamespace
                LEFT JOIN pg_enum e ON e.enumtypid = t.oid
                WHERE t.typtype = 'e'
                GROUP BY n.nspname, t.typname""")) {
            while (rs.next()) {
                types.add(new PgEnumType(rs.getString(1), rs.getString(2), strings(rs.getArray(3))));
            }
        }
        return types;
    }

    private static List<PgColumn> columns(Connection connection) throws SQLException {
        List<PgColumn> columns = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), tn.nspname, t.typname,
                       t.typtype = 'e'
                FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_type t ON t.oid = a.atttypid
                JOIN pg_namespace tn ON tn.oid = t.typnamespace
                WHERE c.relkind = 'r' AND n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped""")) {
            while (rs.next()) {
                columns.add(new PgColumn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)));
            }
        }
        return columns;
    }

    private static List<PgExtension> extensions(Connection connection) throws SQLException {
        List<PgExtension> extensions = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT a.name, a.default_version, a.installed_version, n.nspname,
                       coalesce(v.superuser, false), coalesce(v.trusted, false)
                FROM pg_available_extensions a
                LEFT JOIN pg_extension x ON x.extname = a.name
                LEFT JOIN pg_namespace n ON n.oid = x.extnamespace
                LEFT JOIN pg_available_extension_versions v ON v.name = a.name AND v.version = a.default_version""")) {
            while (rs.next()) {
                extensions.add(new PgExtension(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)), Optional.ofNullable(rs.getString(4)), rs.getBoolean(5),
                        rs.getBoolean(6)));
            }
        }
        return extensions;
    }

    private static SessionSettings settings(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT current_setting('TimeZone'), (SELECT reset_val FROM pg_settings WHERE name = 'TimeZone'),
                       current_schemas(true), current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)""")) {
            rs.next();
            return new SessionSettings(rs.getString(1), rs.getString(2), strings(rs.getArray(3)), rs.getString(4),
                    rs.getBoolean(5));
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }
}
