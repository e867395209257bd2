package dev.migrationgate.testdb;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty database on the {@link TestPostgres} server for each test, dropped after it:
 * {@code @RegisterExtension final EmptyDatabase database = new EmptyDatabase();}.
 */
public final class EmptyDatabase implements BeforeEachCallback, AfterEachCallback {

    private final TestPostgres server = TestPostgres.server();
    private String name;

    @Override
    public void beforeEach(ExtensionContext context) {
        name = server.createDatabase();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.dropDatabase(name);
    }

    /** The current test's database. */
    public String name() {
        return name;
    }
}
