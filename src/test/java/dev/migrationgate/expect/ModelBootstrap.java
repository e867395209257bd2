package dev.migrationgate.expect;

import dev.migrationgate.testdb.TestPostgres;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.internal.none.BytecodeProviderImpl;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.AvailableSettings;

/**
 * Boots plain Hibernate ORM (outside Quarkus) on the test entity set in {@code expect.model}, found by
 * scanning the package, against a database of the {@link TestPostgres} server.
 */
public final class ModelBootstrap {

    static final String MODEL_PACKAGE = "dev.migrationgate.expect.model";

    private ModelBootstrap() {
    }

    /** Every {@link Entity} class of the test model package, found on the class path. */
    static List<Class<?>> modelEntities() {
        String folder = MODEL_PACKAGE.replace('.', '/');
        try (Stream<Path> files =
                Files.list(Path.of(ModelBootstrap.class.getClassLoader().getResource(folder).toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .<Class<?>>map(n -> load(MODEL_PACKAGE + "." + n.substring(0, n.length() - ".class".length())))
                    .filter(c -> c.isAnnotationPresent(Entity.class))
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Listing the test model package " + MODEL_PACKAGE, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Locating the test model package " + MODEL_PACKAGE, e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Loading test model class " + name, e);
        }
    }

    /**
     * A session factory for {@code entities} on {@code database}, with extra Hibernate settings. Quarkus
     * keeps Byte Buddy off the class path, so Hibernate runs with its no-op bytecode provider (the
     * test model has no lazy associations that would need proxies).
     */
    static SessionFactory boot(String database, List<Class<?>> entities, Map<String, Object> settings) {
        TestPostgres server = TestPostgres.server();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, server.jdbcUrl(database))
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, server.user())
                .applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, server.password())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySettings(settings)
                .addService(BytecodeProvider.class, new BytecodeProviderImpl())
                .build();
        return sessionFactory(registry, entities);
    }

    /** A session factory for {@code entities} on {@code registry}, which is destroyed if the build fails. */
    public static SessionFactory sessionFactory(StandardServiceRegistry registry, List<Class<?>> entities) {
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}
