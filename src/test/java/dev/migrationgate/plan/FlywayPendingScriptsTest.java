package dev.migrationgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.inspect.PgColumn;
import dev.migrationgate.inspect.PgEnumType;
import dev.migrationgate.testdb.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayPendingScriptsTest {

    private static final String LOCATION = "dev/migrationgate/plan/flyway";
    private static final TestPostgres SERVER = TestPostgres.server();
    private String database;

    @BeforeEach
    void createDatabase() {
        database = SERVER.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        SERVER.dropDatabase(database);
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(SERVER.jdbcUrl(database), SERVER.user(), SERVER.password());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FlywayPendingScriptsTest.class.getClassLoader().getResourceAsStream(LOCATION + "/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsExactlyThePendingClasspathScriptsInOrder() throws IOException {
        flyway().locations("classpath:" + LOCATION).target("1").load().migrate();

        PendingScripts pending = FlywayPendingScripts.read(flyway().locations("classpath:" + LOCATION).load());

        assertEquals(List.of(new PendingScript("V2__audit_actions.sql", resource("V2__audit_actions.sql")),
                new PendingScript("V3__aware_timestamps.sql", resource("V3__aware_timestamps.sql"))), pending.scripts());
        assertEquals(List.of(), pending.notAnalysed());
    }

    @Test
    void plansThePendingScriptsOnTheLiveCatalogWithTheirOrigins() {
        flyway().locations("classpath:" + LOCATION).target("1").load().migrate();
        CatalogSnapshot live = new CatalogSnapshot(
                List.of(new PgEnumType("public", "userrole", List.of("sysadmin", "admin", "user"))),
                List.of(new PgColumn("public", "users", "created_at", "timestamp without time zone", "pg_catalog",
                        "timestamp", false)),
                List.of(), null, MigrationHistory.empty());

        PlannedSchema plan = SchemaPlanner.plan(live,
                FlywayPendingScripts.read(flyway().locations("classpath:" + LOCATION).load()));

        assertEquals(List.of("CREATE", "READ"), plan.planned().enumTypes().get(1).labels());
        assertEquals(Optional.of(new ScriptLocation("V2__audit_actions.sql", 2)), plan.origin("auditaction"));
        assertEquals("timestamp with time zone", plan.planned().columns().get(0).formatType());
        assertEquals(Optional.of(new ScriptLocation("V3__aware_timestamps.sql", 1)), plan.origin("users.created_at"));
    }

    @Test
    void readsFilesystemScriptsInTheConfiguredEncodingWithPlaceholdersReplaced(@TempDir Path dir) throws IOException {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        Files.writeString(dir.resolve("V1__menu.sql"), "CREATE TYPE dish AS ENUM ('café', '${extra}');", latin1);
        Files.writeString(dir.resolve("V2__schema.sql"), "CREATE TABLE ${flyway:defaultSchema}.t (a int);", latin1);
        Flyway configured = flyway().locations("filesystem:" + dir).encoding(latin1).placeholders(Map.of("extra", "thé"))
                .javaMigrations(new V3__Backfill()).load();

        PendingScripts pending = FlywayPendingScripts.read(configured);

        assertEquals(List.of(new PendingScript("V1__menu.sql", "CREATE TYPE dish AS ENUM ('café', 'thé');")),
                pending.scripts());
        assertEquals(2, pending.notAnalysed().size(), pending.notAnalysed()::toString);
        SkippedStatement placeholder = pending.notAnalysed().get(0);
        assertEquals("V2__schema.sql", placeholder.script());
        assertTrue(placeholder.wholeScript());
        assertTrue(placeholder.reason().contains("flyway:defaultSchema"), placeholder.reason());
        assertEquals(new SkippedStatement(V3__Backfill.class.getName(), SkippedStatement.WHOLE_SCRIPT,
                "a JDBC migration is not SQL and is not analysed"), pending.notAnalysed().get(1));
    }

    @Test
    void readsScriptsThroughTheConfiguredResourceProvider() {
        InMemoryResources resources = new InMemoryResources(Map.of("V1__only_here.sql", "CREATE TYPE kind AS ENUM ('a');"));

        PendingScripts pending = FlywayPendingScripts.read(flyway().resourceProvider(resources).load());

        assertEquals(List.of(new PendingScript("V1__only_here.sql", "CREATE TYPE kind AS ENUM ('a');")), pending.scripts());
    }

    /** A Java migration: listed, never read. */
    static final class V3__Backfill extends BaseJavaMigration {
        @Override
        public void migrate(Context context) {
        }
    }

    /** A resource provider like the one Quarkus installs: scripts known up front, no scanning. */
    private static final class InMemoryResources implements ResourceProvider {

        private final List<LoadableResource> resources = new ArrayList<>();

        InMemoryResources(Map<String, String> scripts) {
            scripts.forEach((name, sql) -> resources.add(new LoadableResource() {
                @Override
                public Reader read() {
                    return new StringReader(sql);
                }

                @Override
                public String getAbsolutePath() {
                    return "memory:" + name;
                }

                @Override
                public String getAbsolutePathOnDisk() {
                    return "memory:" + name;
                }

                @Override
                public String getFilename() {
                    return name;
                }

                @Override
                public String getRelativePath() {
                    return name;
                }
            }));
        }

        @Override
        public LoadableResource getResource(String name) {
            return resources.stream().filter(r -> r.getRelativePath().equals(name)).findFirst().orElse(null);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
            return resources.stream().filter(r -> r.getFilename().startsWith(prefix)
                    && Arrays.stream(suffixes).anyMatch(r.getFilename()::endsWith)).toList();
        }
    }
}
