package dev.migrationgate.iam;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The single source of "now" for domain code: the system clock in UTC. Tests replace the bean. */
public class UtcClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
