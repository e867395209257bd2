package dev.migrationgate.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.migrationgate.architecture.fixtures.BadlyMappedEntity;
import dev.migrationgate.architecture.fixtures.ZonelessClockUser;
import org.junit.jupiter.api.Test;

/** Enforces the clock and enum rules on the production code, and proves the rules catch violations. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.migrationgate");

    @Test
    void productionCodeTakesNowOnlyFromAClock() {
        ArchitectureRules.NOW_COMES_FROM_A_CLOCK.check(PRODUCTION);
    }

    @Test
    void productionEntitiesPersistEnumValuesNotNames() {
        assertTrue(PRODUCTION.stream().anyMatch(c -> c.isAnnotatedWith(jakarta.persistence.Entity.class)),
                "the rule must see the production entities");
        ArchitectureRules.ENUMS_PERSIST_VALUES.check(PRODUCTION);
    }

    @Test
    void clockRuleFlagsZonelessNowAndDefaultZone() {
        EvaluationResult result = ArchitectureRules.NOW_COMES_FROM_A_CLOCK
                .evaluate(new ClassFileImporter().importClasses(ZonelessClockUser.class));
        assertEquals(3, result.getFailureReport().getDetails().size(), result.getFailureReport().toString());
    }

    @Test
    void enumRuleFlagsNameOrdinalAndValuelessMappings() {
        EvaluationResult result = ArchitectureRules.ENUMS_PERSIST_VALUES
                .evaluate(new ClassFileImporter().importClasses(BadlyMappedEntity.class));
        String report = result.getFailureReport().toString();
        assertEquals(3, result.getFailureReport().getDetails().size(), report);
        assertTrue(report.contains("implicitOrdinal") && report.contains("byName") && report.contains("ordinal"), report);
    }
}
