package dev.migrationgate.testdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Statements and queries run by hand on a scenario database as the server's administrative user. */
public final class AdminSql {

    private AdminSql() {
    }

    /** Runs {@code sql} (one or more statements) in {@code database}. */
    public static void execute(String database, String sql) {
        try (Connection c = TestPostgres.server().connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Running '" + sql + "' in " + database + " failed: " + e.getMessage(), e);
        }
    }

    /** The first column of every row {@code sql} returns in {@code database}, as text. */
    public static List<String> column(String database, String sql) {
        try (Connection c = TestPostgres.server().connect(database); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Querying '" + sql + "' in " + database + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The backends connected to {@code database}, or only those with {@code applicationName} when it is not
     * null, read on the maintenance database (past any proxy the application goes through).
     */
    public static long backends(String database, String applicationName) {
        return number("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "'"
                + (applicationName == null ? "" : " AND application_name = '" + applicationName + "'"));
    }

    /** The transactions the server has counted as committed in {@code database}. */
    public static long committed(String database) {
        return number("SELECT xact_commit FROM pg_stat_database WHERE datname = '" + database + "'");
    }

    private static long number(String sql) {
        return Long.parseLong(column("postgres", sql).get(0));
    }

    /** The labels of enum type {@code type} in sort order. */
    public static List<String> enumLabels(String database, String type) {
        return column(database, "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
                + " WHERE t.typname = '" + type + "' ORDER BY e.enumsortorder");
    }

    /** The ordinary tables of schema {@code public}, by name. */
    public static List<String> publicTables(String database) {
        return column(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    }

    /** The successfully applied versions in Flyway's history table, in order. */
    public static List<String> appliedVersions(String database) {
        return column(database, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
    }

    /** The extensions created in {@code database}, by name. */
    public static List<String> extensions(String database) {
        return column(database, "SELECT extname FROM pg_extension ORDER BY extname");
    }
}
