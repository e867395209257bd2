package dev.migrationgate.plan;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.scanner.Scanner;

/**
 * Reads the pending migrations of a {@link Flyway} through Flyway's own machinery: the pending list
 * from {@code info().pending()} in Flyway's order, and each SQL script's text from the configuration's
 * {@link ResourceProvider} (Quarkus installs its own) or, when there is none, from the same
 * {@link Scanner} Flyway builds over the configured {@code classpath:}/{@code filesystem:} locations,
 * so the configured encoding applies. Placeholders are replaced with the configured values as Flyway
 * does; a script using a placeholder that only a database connection defines
 * ({@code ${flyway:defaultSchema}}…) is listed as not analysed, as are non-SQL (e.g. Java) migrations.
 */
public final class FlywayPendingScripts {

    private FlywayPendingScripts() {
    }

    /**
     * The pending migrations of {@code flyway}; queries its schema history.
     *
     * @throws IllegalStateException naming the script when a located script cannot be read
     */
    public static PendingScripts read(Flyway flyway) {
        return read(flyway.getConfiguration(), flyway.info().pending());
    }

    /**
     * The migrations {@code pending} (from {@code info().pending()} of a Flyway with {@code configuration}),
     * read without touching the database.
     *
     * @throws IllegalStateException naming the script when a located script cannot be read
     */
    public static PendingScripts read(Configuration configuration, MigrationInfo[] pending) {
        ResourceProvider resources = null;
        List<PendingScript> scripts = new ArrayList<>();
        List<SkippedStatement> notAnalysed = new ArrayList<>();
        for (MigrationInfo migration : pending) {
            String script = migration.getScript();
            if (migration.getType() != CoreMigrationType.SQL) {
                notAnalysed.add(new SkippedStatement(script, SkippedStatement.WHOLE_SCRIPT,
                        "a " + migration.getType().name() + " migration is not SQL and is not analysed"));
                continue;
            }
            if (resources == null) {
                resources = resourceProvider(configuration);
            }
            LoadableResource resource = resources.getResource(script);
            if (resource == null) {
                notAnalysed.add(new SkippedStatement(script, SkippedStatement.WHOLE_SCRIPT,
                        "the script was not found in the configured locations"));
                continue;
            }
            try {
                scripts.add(new PendingScript(script, text(resource, configuration)));
            } catch (FlywayException e) {
                notAnalysed.add(new SkippedStatement(script, SkippedStatement.WHOLE_SCRIPT,
                        "Flyway could not prepare the script text without a database connection: " + e.getMessage()));
            }
        }
        return new PendingScripts(scripts, notAnalysed, migrationSchema(configuration));
    }

    /** The schema Flyway sets first on its session's search path: {@code defaultSchema}, else the first of {@code schemas}. */
    static String migrationSchema(Configuration configuration) {
        if (configuration.getDefaultSchema() != null && !configuration.getDefaultSchema().isEmpty()) {
            return configuration.getDefaultSchema();
        }
        String[] schemas = configuration.getSchemas();
        return schemas == null || schemas.length == 0 ? null : schemas[0];
    }

    private static ResourceProvider resourceProvider(Configuration configuration) {
        ResourceProvider configured = configuration.getResourceProvider();
        return configured != null ? configured
                : new Scanner<>(JavaMigration.class, configuration, configuration.getLocations());
    }

    private static String text(LoadableResource resource, Configuration configuration) {
        LoadableResource source = configuration.isPlaceholderReplacement()
                ? LoadableResource.createPlaceholderReplacingLoadableResource(resource, configuration, new ParsingContext())
                : resource;
        StringWriter text = new StringWriter();
        try (Reader reader = source.read()) {
            reader.transferTo(text);
        } catch (IOException e) {
            throw new IllegalStateException("Reading pending migration " + resource.getRelativePath() + " from "
                    + resource.getAbsolutePath() + " failed: " + e.getMessage(), e);
        }
        return text.toString();
    }
}
