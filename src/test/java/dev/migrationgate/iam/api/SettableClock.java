package dev.migrationgate.iam.api;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The UTC system clock moved forward on demand: a test profile enables it in place of the application's
 * clock to reach lock expiry and the last-login interval without waiting.
 */
@Alternative
@Singleton
public class SettableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock is UTC only");
    }

    @Override
    public Instant instant() {
        return Clock.systemUTC().instant().plus(offset);
    }
}
