package dev.migrationgate.iam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UserAgentPermissionTest {

    private static final Clock NOON_UTC = Clock.fixed(Instant.parse("2026-03-29T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void grantIsExpiredOnceExpiryHasPassed() {
        assertTrue(expiringAt("2026-03-29T11:59:59").isExpired(NOON_UTC));
        assertTrue(expiringAt("2026-03-29T12:00:00").isExpired(NOON_UTC));
        assertFalse(expiringAt("2026-03-29T12:00:01").isExpired(NOON_UTC));
        assertFalse(expiringAt(null).isExpired(NOON_UTC));
    }

    @Test
    void expiresSoonOnlyWithinTheWindowAndNotOnceExpired() {
        assertTrue(expiringAt("2026-03-29T14:00:00").expiresSoon(2, NOON_UTC));
        assertFalse(expiringAt("2026-03-29T14:00:01").expiresSoon(2, NOON_UTC));
        assertFalse(expiringAt("2026-03-29T11:00:00").expiresSoon(2, NOON_UTC));
        assertFalse(expiringAt(null).expiresSoon(2, NOON_UTC));
    }

    @Test
    void expiryIsJudgedInUtcWhateverTheClockZone() {
        Clock sameInstantInBerlin = NOON_UTC.withZone(ZoneId.of("Europe/Berlin"));
        assertFalse(expiringAt("2026-03-29T13:30:00").isExpired(sameInstantInBerlin));
        assertTrue(expiringAt("2026-03-29T13:30:00").expiresSoon(2, sameInstantInBerlin));
    }

    private static UserAgentPermission expiringAt(String utc) {
        UserAgentPermission p = new UserAgentPermission();
        p.grantedAt = LocalDateTime.parse("2026-03-01T00:00:00");
        p.expiresAt = utc == null ? null : LocalDateTime.parse(utc);
        return p;
    }
}
