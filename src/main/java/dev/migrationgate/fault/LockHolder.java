package dev.migrationgate.fault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A session holding an advisory lock, as {@code pg_locks} and {@code pg_stat_activity} show it: its
 * backend pid, its {@code application_name}, since when it has been in its current state and in which
 * state ({@code idle in transaction} for a client that stopped talking).
 */
public record LockHolder(int pid, String applicationName, String since, String state) {

    /**
     * Granted advisory locks in the connection's database held by other sessions: the 64-bit key
     * {@code key} when given, otherwise every advisory lock except {@code exceptKey}.
     */
    public static List<LockHolder> advisory(Connection connection, Long key, long exceptKey) throws SQLException {
        String sql = "SELECT l.pid, a.application_name, a.state, to_char(a.state_change AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS since"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.pid <> pg_backend_pid()"
                + " AND ((l.classid::bigint << 32) | l.objid::bigint) " + (key == null ? "<> ?" : "= ?")
                + " ORDER BY a.state_change";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key == null ? exceptKey : key);
            try (ResultSet rows = statement.executeQuery()) {
                List<LockHolder> holders = new ArrayList<>();
                while (rows.next()) {
                    holders.add(new LockHolder(rows.getInt("pid"), rows.getString("application_name"),
                            rows.getString("since"), rows.getString("state")));
                }
                return holders;
            }
        }
    }

    /** {@code pid 123 (application_name 'x', idle in transaction since 2025-...Z)}, or {@code an unknown session}. */
    public static String describe(List<LockHolder> holders) {
        if (holders.isEmpty()) {
            return "a session that had ended by the time it was looked up";
        }
        return holders.stream().map(LockHolder::toText).collect(Collectors.joining("; "));
    }

    private String toText() {
        return "pid " + pid + " (application_name '" + (applicationName == null ? "" : applicationName) + "', "
                + state + " since " + since + ")";
    }
}
