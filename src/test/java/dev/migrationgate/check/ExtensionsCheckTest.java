package dev.migrationgate.check;

import static dev.migrationgate.check.Fixtures.codes;
import static dev.migrationgate.check.Fixtures.given;
import static dev.migrationgate.check.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.inspect.PgExtension;
import dev.migrationgate.inspect.SessionSettings;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtensionsCheckTest {

    private final ExtensionsCheck check = new ExtensionsCheck();

    @Test
    void passesWhenEveryExtensionIsCreatedAtTheOfferedVersionOnTheSearchPath() {
        List<Finding> findings = given().require("uuid-ossp").require("pgcrypto>=1.3").optional("vector")
                .extension("uuid-ossp", "1.1", "1.1", "public")
                .extension("pgcrypto", "1.3", "1.3", "public")
                .extension("vector", "0.8.0", "0.8.0", "public")
                .run(check);
        assertEquals(List.of(), findings);
    }

    @Test
    void reportsMissingExtensionWithQuotedCreateFix() {
        Finding finding = only(given().require("uuid-ossp").extension("uuid-ossp", "1.1", null, null).run(check),
                FindingCode.EXTENSION_MISSING);
        assertEquals("uuid-ossp", finding.object());
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\";", finding.fix());
        assertEquals("not created (server offers 1.1)", finding.actual());
    }

    @Test
    void pinsTheVersionInTheCreateFixOnlyWhenTheDefaultIsBelowTheFloor() {
        Finding enough = only(given().require("pgcrypto>=1.2").extension("pgcrypto", "1.3", null, null).run(check),
                FindingCode.EXTENSION_MISSING);
        assertEquals("CREATE EXTENSION IF NOT EXISTS \"pgcrypto\";", enough.fix());

        Finding pinned = only(given().require("pgcrypto>=1.4").extension("pgcrypto", "1.3", null, null).run(check),
                FindingCode.EXTENSION_MISSING);
        assertEquals("CREATE EXTENSION IF NOT EXISTS \"pgcrypto\" VERSION '1.4';", pinned.fix());
        assertTrue(pinned.message().contains("below the floor 1.4"), pinned.message());
    }

    @Test
    void reportsUnavailableVectorNamingThePgvectorImageAndPackage() {
        Finding finding = only(given().require("vector").run(check), FindingCode.EXTENSION_UNAVAILABLE);
        assertEquals("vector", finding.object());
        assertEquals(Severity.ERROR, finding.severity());
        assertNull(finding.fix());
        assertEquals("not offered by the server", finding.actual());
        assertTrue(finding.message().contains("pgvector/pgvector:pg17"), finding.message());
        assertTrue(finding.message().contains("postgresql-<major>-pgvector"), finding.message());
    }

    @Test
    void reportsUnavailableContribExtensionNamingPostgresqlContrib() {
        Finding finding = only(given().require("citext").run(check), FindingCode.EXTENSION_UNAVAILABLE);
        assertTrue(finding.message().contains("postgresql-contrib"), finding.message());
    }

    @Test
    void reportsUnavailableWhenTheServerLostThePackageOfAnUncreatedExtension() {
        Finding finding = only(given().require("postgis").extension("postgis", null, null, null).run(check),
                FindingCode.EXTENSION_UNAVAILABLE);
        assertTrue(finding.message().contains("the package that provides extension \"postgis\""), finding.message());
    }

    @Test
    void downgradesMissingAndUnavailableOptionalExtensionsToWarnings() {
        List<Finding> findings = given().optional("vector").optional("hstore")
                .extension("hstore", "1.8", null, null).run(check);
        assertEquals(List.of(FindingCode.EXTENSION_UNAVAILABLE, FindingCode.EXTENSION_MISSING), codes(findings));
        findings.forEach(f -> assertEquals(Severity.WARNING, f.severity(), f.toString()));
        findings.forEach(f -> assertTrue(f.message().contains("optional"), f.message()));
    }

    @Test
    void reportsPermissionDeniedForAnUntrustedExtensionTheRoleCannotCreate() {
        Finding finding = only(given().require("vector").untrustedExtension("vector", "0.8.0").run(check),
                FindingCode.EXTENSION_PERMISSION_DENIED);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("CREATE EXTENSION IF NOT EXISTS \"vector\";", finding.fix());
        assertTrue(finding.message().contains("superuser"), finding.message());
    }

    @Test
    void reportsOnlyMissingForATrustedExtensionThatNeedsASuperuserByDefault() {
        List<Finding> findings = given().require("pgcrypto").extension(new PgExtension("pgcrypto", Optional.of("1.3"),
                Optional.empty(), Optional.empty(), true, true)).run(check);
        assertEquals(List.of(FindingCode.EXTENSION_MISSING), codes(findings));
    }

    @Test
    void reportsOnlyMissingWhenTheRoleIsASuperuser() {
        List<Finding> findings = given().require("vector").untrustedExtension("vector", "0.8.0")
                .settings(new SessionSettings("UTC", "UTC", List.of("public"), "postgres", true)).run(check);
        assertEquals(List.of(FindingCode.EXTENSION_MISSING), codes(findings));
    }

    @Test
    void downgradesPermissionDeniedForAnOptionalExtensionToAWarning() {
        Finding finding = only(given().optional("vector").untrustedExtension("vector", "0.8.0").run(check),
                FindingCode.EXTENSION_PERMISSION_DENIED);
        assertEquals(Severity.WARNING, finding.severity());
    }

    @Test
    void reportsVersionTooOldWithAnUpdateToTheOfferedVersion() {
        Finding finding = only(given().require("vector>=0.7").extension("vector", "0.8.0", "0.5.1", "public")
                .run(check), FindingCode.EXTENSION_VERSION_TOO_OLD);
        assertEquals(">= 0.7", finding.expected());
        assertEquals("0.5.1", finding.actual());
        assertEquals("ALTER EXTENSION \"vector\" UPDATE TO '0.8.0';", finding.fix());
    }

    @Test
    void reportsVersionTooOldWithoutFixWhenTheServerOffersNothingNewEnough() {
        List<Finding> findings = given().require("vector>=0.9").extension("vector", "0.8.0", "0.5.1", "public")
                .run(check);
        Finding finding = only(findings, FindingCode.EXTENSION_VERSION_TOO_OLD);
        assertNull(finding.fix());
        assertTrue(finding.message().contains("offers only 0.8.0"), finding.message());
        assertTrue(finding.message().contains("pgvector"), finding.message());
        assertEquals(List.of(FindingCode.EXTENSION_VERSION_TOO_OLD), codes(findings), "no update warning on top");
    }

    @Test
    void comparesVersionsNumericallyPerComponent() {
        assertEquals(List.of(), given().require("vector>=1.9").extension("vector", "1.10", "1.10", "public").run(check));
        Finding finding = only(given().require("vector>=1.10").extension("vector", "1.10", "1.9", "public").run(check),
                FindingCode.EXTENSION_VERSION_TOO_OLD);
        assertEquals("ALTER EXTENSION \"vector\" UPDATE TO '1.10';", finding.fix());
    }

    @Test
    void reportsUpdateAvailableAsAWarningWithAnUpdateFix() {
        Finding finding = only(given().require("pgcrypto").extension("pgcrypto", "1.10", "1.9", "public").run(check),
                FindingCode.EXTENSION_UPDATE_AVAILABLE);
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals("1.10", finding.expected());
        assertEquals("1.9", finding.actual());
        assertEquals("ALTER EXTENSION \"pgcrypto\" UPDATE;", finding.fix());
    }

    @Test
    void reportsNoUpdateWhenTheInstalledVersionIsTheDefaultOrTheServerLostThePackage() {
        assertEquals(List.of(), given().require("pgcrypto").extension("pgcrypto", "1.3", "1.3", "public").run(check));
        assertEquals(List.of(), given().require("pgcrypto").extension("pgcrypto", null, "1.3", "public").run(check));
    }

    @Test
    void reportsExtensionSchemaOffTheSearchPathWithASetSchemaFix() {
        Finding finding = only(given().require("pgcrypto").extension("pgcrypto", "1.3", "1.3", "extensions")
                .run(check), FindingCode.EXTENSION_SCHEMA_NOT_ON_SEARCH_PATH);
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals("schema extensions", finding.actual());
        assertEquals("ALTER EXTENSION \"pgcrypto\" SET SCHEMA \"public\";", finding.fix());
        assertTrue(finding.message().contains("search_path"), finding.message());
    }

    @Test
    void offersNoSetSchemaFixWhenTheSearchPathHasOnlySystemSchemas() {
        Finding finding = only(given().require("pgcrypto").extension("pgcrypto", "1.3", "1.3", "extensions")
                .settings(new SessionSettings("UTC", "UTC", List.of("pg_catalog"), "app", false)).run(check),
                FindingCode.EXTENSION_SCHEMA_NOT_ON_SEARCH_PATH);
        assertNull(finding.fix());
    }
}
