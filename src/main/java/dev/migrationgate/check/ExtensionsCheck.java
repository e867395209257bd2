package dev.migrationgate.check;

import dev.migrationgate.expect.Expectations;
import dev.migrationgate.expect.ExtensionRequirement;
import dev.migrationgate.expect.Versions;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.PgExtension;
import dev.migrationgate.inspect.SessionSettings;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Extensions the application needs ({@code gate.extensions.*}) against what the server offers and the
 * database has.
 * <p>
 * <b>Problem:</b> an extension installed in the image but never created in the database, not shipped
 * by the server at all, not creatable by the gate's role ({@code vector} is not trusted: it needs a
 * superuser), older than the configured floor, or created in a schema the session cannot see.
 * <p>
 * <b>Expected:</b> every required and optional extension created, at or above its floor, in a schema
 * on the search path.
 * <p>
 * <b>Repair:</b> {@code CREATE EXTENSION IF NOT EXISTS "name";} (with {@code VERSION} only when the
 * server's default is below the floor), {@code ALTER EXTENSION "name" UPDATE [TO 'version'];},
 * {@code ALTER EXTENSION "name" SET SCHEMA "schema";}; a server without the package needs the package
 * installed, which the finding names. A missing, unavailable or uncreatable optional extension is a
 * WARNING instead of an ERROR.
 */
public final class ExtensionsCheck implements Check {

    private static final String PGVECTOR = "pgvector (image pgvector/pgvector:pg17, or the distro package"
            + " postgresql-<major>-pgvector for the server's major version)";
    private static final String CONTRIB = "PostgreSQL's contrib modules (package postgresql-contrib, or"
            + " postgresql<major>-contrib on RHEL-like systems; the official postgres images include them)";
    private static final Set<String> CONTRIB_EXTENSIONS = Set.of("adminpack", "amcheck", "autoinc", "bloom",
            "btree_gin", "btree_gist", "citext", "cube", "dblink", "dict_int", "dict_xsyn", "earthdistance",
            "file_fdw", "fuzzystrmatch", "hstore", "insert_username", "intagg", "intarray", "isn", "lo", "ltree",
            "moddatetime", "old_snapshot", "pageinspect", "pg_buffercache", "pg_freespacemap", "pg_prewarm",
            "pg_stat_statements", "pg_surgery", "pg_trgm", "pg_visibility", "pg_walinspect", "pgcrypto",
            "pgrowlocks", "pgstattuple", "postgres_fdw", "refint", "seg", "sslinfo", "tablefunc", "tcn",
            "tsm_system_rows", "tsm_system_time", "unaccent", "uuid-ossp", "xml2");

    @Override
    public List<Finding> check(Expectations expectations, CatalogSnapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        for (ExtensionRequirement requirement : expectations.extensions()) {
            Optional<PgExtension> offered = snapshot.extensions().stream()
                    .filter(e -> e.name().equals(requirement.name()))
                    .filter(e -> e.installed() || e.available())
                    .findFirst();
            if (offered.isEmpty()) {
                findings.add(unavailable(requirement));
            } else if (!offered.get().installed()) {
                findings.add(notCreated(requirement, offered.get(), snapshot.settings()));
            } else {
                version(requirement, offered.get()).ifPresent(findings::add);
                schema(requirement, offered.get(), snapshot.settings()).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private static Finding unavailable(ExtensionRequirement requirement) {
        String name = requirement.name();
        return absent(requirement, FindingCode.EXTENSION_UNAVAILABLE, "available on the server" + floor(requirement),
                "not offered by the server",
                "Extension \"" + name + "\" is not offered by this PostgreSQL server, so it cannot be created: install "
                        + provider(name) + " on the database server, then create it." + optionalNote(requirement),
                null);
    }

    private static Finding notCreated(ExtensionRequirement requirement, PgExtension extension,
            SessionSettings settings) {
        String defaultVersion = extension.defaultVersion().orElseThrow();
        Optional<String> pinned = requirement.minimumVersion().filter(min -> !Versions.atLeast(defaultVersion, min));
        String fix = "CREATE EXTENSION IF NOT EXISTS " + Sql.identifier(requirement.name())
                + pinned.map(min -> " VERSION " + Sql.literal(min)).orElse("") + ";";
        String serverNote = pinned.map(min -> " The server's default version " + defaultVersion + " is below the floor "
                + min + ": the fix asks for " + min + " explicitly and fails if the server does not ship it, in which"
                + " case install a newer version of " + provider(requirement.name()) + ".").orElse("");
        String actual = "not created (server offers " + defaultVersion + ")";
        if (extension.superuserRequired() && !extension.trusted() && settings != null && !settings.superuser()) {
            return absent(requirement, FindingCode.EXTENSION_PERMISSION_DENIED, "created" + floor(requirement),
                    actual + "; role " + settings.currentUser() + " may not create it",
                    "Extension \"" + requirement.name() + "\" is not created and role \"" + settings.currentUser()
                            + "\" cannot create it: it is not a trusted extension, so a superuser must run the fix"
                            + " (or the gate's migration credentials must be a superuser's)." + serverNote
                            + optionalNote(requirement),
                    fix);
        }
        return absent(requirement, FindingCode.EXTENSION_MISSING, "created" + floor(requirement), actual,
                "Extension \"" + requirement.name() + "\" is available on the server (default version "
                        + defaultVersion + ") but not created in this database." + serverNote
                        + optionalNote(requirement),
                fix);
    }

    private static Optional<Finding> version(ExtensionRequirement requirement, PgExtension extension) {
        String name = requirement.name();
        String installed = extension.installedVersion().orElseThrow();
        Optional<String> offered = extension.defaultVersion();
        Optional<String> tooOld = requirement.minimumVersion().filter(min -> !Versions.atLeast(installed, min));
        if (tooOld.isPresent()) {
            String min = tooOld.get();
            if (offered.isPresent() && Versions.atLeast(offered.get(), min)) {
                return Optional.of(Finding.of(FindingCode.EXTENSION_VERSION_TOO_OLD, name, ">= " + min, installed,
                        "Extension \"" + name + "\" is at version " + installed + ", below the floor " + min
                                + "; the server offers " + offered.get() + ".",
                        "ALTER EXTENSION " + Sql.identifier(name) + " UPDATE TO " + Sql.literal(offered.get()) + ";"));
            }
            return Optional.of(Finding.of(FindingCode.EXTENSION_VERSION_TOO_OLD, name, ">= " + min, installed,
                    "Extension \"" + name + "\" is at version " + installed + ", below the floor " + min + ", and the"
                            + " server offers " + offered.map(v -> "only " + v).orElse("no version of it") + ": install a"
                            + " newer version of " + provider(name) + " on the database server, then ALTER EXTENSION "
                            + Sql.identifier(name) + " UPDATE.",
                    null));
        }
        if (offered.isPresent() && Versions.compare(installed, offered.get()) < 0) {
            return Optional.of(Finding.of(FindingCode.EXTENSION_UPDATE_AVAILABLE, name, offered.get(), installed,
                    "Extension \"" + name + "\" is at version " + installed + "; the server offers " + offered.get() + ".",
                    "ALTER EXTENSION " + Sql.identifier(name) + " UPDATE;"));
        }
        return Optional.empty();
    }

    private static Optional<Finding> schema(ExtensionRequirement requirement, PgExtension extension,
            SessionSettings settings) {
        if (settings == null || extension.schema().isEmpty() || settings.searchPath().contains(extension.schema().get())) {
            return Optional.empty();
        }
        String name = requirement.name();
        String schema = extension.schema().get();
        Optional<String> target = settings.searchPath().stream().filter(s -> !s.startsWith("pg_")).findFirst();
        String path = String.join(", ", settings.searchPath());
        return Optional.of(Finding.of(FindingCode.EXTENSION_SCHEMA_NOT_ON_SEARCH_PATH, name,
                "a schema on the search path (" + path + ")", "schema " + schema,
                "Extension \"" + name + "\" lives in schema \"" + schema + "\", which is not on the search path of role \""
                        + settings.currentUser() + "\" (" + path + "): its functions and types only resolve when"
                        + " schema-qualified. Move it" + target.map(t -> " to \"" + t + "\"").orElse("")
                        + ", or, if it is not relocatable, add \"" + schema + "\" to the application role's search_path"
                        + " (ALTER ROLE ... SET search_path TO ..., " + Sql.identifier(schema) + ").",
                target.map(t -> "ALTER EXTENSION " + Sql.identifier(name) + " SET SCHEMA " + Sql.identifier(t) + ";")
                        .orElse(null)));
    }

    private static Finding absent(ExtensionRequirement requirement, FindingCode code, String expected, String actual,
            String message, String fix) {
        Severity severity = requirement.required() ? code.defaultSeverity() : Severity.WARNING;
        return new Finding(code, severity, null, requirement.name(), expected, actual, message, fix);
    }

    private static String provider(String name) {
        if (name.equals("vector")) {
            return PGVECTOR;
        }
        if (CONTRIB_EXTENSIONS.contains(name)) {
            return CONTRIB;
        }
        return "the package that provides extension \"" + name + "\"";
    }

    private static String floor(ExtensionRequirement requirement) {
        return requirement.minimumVersion().map(min -> ", version >= " + min).orElse("");
    }

    private static String optionalNote(ExtensionRequirement requirement) {
        return requirement.required() ? "" : " It is optional: features that need it stay off.";
    }
}
