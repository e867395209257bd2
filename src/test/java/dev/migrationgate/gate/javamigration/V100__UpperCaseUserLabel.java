package dev.migrationgate.gate.javamigration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A Java-based migration that no SQL reader sees: it renames the {@code user} label to {@code USER}. */
public class V100__UpperCaseUserLabel extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TYPE userrole RENAME VALUE 'user' TO 'USER'");
        }
    }
}
