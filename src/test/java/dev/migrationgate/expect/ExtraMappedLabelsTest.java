package dev.migrationgate.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rollout test's device {@code migration-gate.test.extra-mapped-labels}: a label added to one named type only. */
class ExtraMappedLabelsTest {

    private static final Expectations IAM = new Expectations(List.of(
            new EnumExpectation("AuditLog", "action", "audit_logs", "action", "AuditAction", EnumStorage.NAMED_ENUM,
                    Optional.of("auditaction"), List.of("create", "read")),
            new EnumExpectation("User", "role", "users", "role", "UserRole", EnumStorage.NAMED_ENUM,
                    Optional.of("userrole"), List.of("admin", "user"))),
            List.of(), List.of(), Set.of("audit_logs", "users"));

    @Test
    void addsTheLabelToTheNamedTypeOnly() {
        Expectations extended = ExpectationsProducer.withExtraLabels(IAM, List.of("auditaction=export"));
        assertEquals(List.of("create", "read", "export"), extended.enums().get(0).labels());
        assertEquals(List.of("admin", "user"), extended.enums().get(1).labels());
    }

    @Test
    void refusesAnEntryWithoutTypeAndLabelNamingTheKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ExpectationsProducer.withExtraLabels(IAM, List.of("export")));
        assertTrue(refused.getMessage().contains("migration-gate.test.extra-mapped-labels"), refused.getMessage());
    }
}
