package dev.migrationgate.gate;

import dev.migrationgate.testdb.ScenarioDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URL;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What every gate scenario test reaches: the management and public ports and its scenario database. */
abstract class GateScenarioTest {

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @TestHTTPResource("/")
    URL apiUrl;

    @Inject
    @ConfigProperty(name = ScenarioDatabase.DATABASE_KEY)
    String database;
}
