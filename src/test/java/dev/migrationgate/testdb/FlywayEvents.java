package dev.migrationgate.testdb;

import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Flyway callbacks that let a test count what Flyway did. */
public final class FlywayEvents {

    private FlywayEvents() {
    }

    /** A callback adding one to {@code count} each time Flyway fires {@code event}. */
    public static Callback counting(Event event, AtomicInteger count) {
        return running(event, count::incrementAndGet);
    }

    /** A callback running {@code action} each time Flyway fires {@code event}. */
    public static Callback running(Event event, Runnable action) {
        return new Callback() {
            @Override
            public boolean supports(Event fired, Context context) {
                return fired == event;
            }

            @Override
            public boolean canHandleInTransaction(Event fired, Context context) {
                return true;
            }

            @Override
            public void handle(Event fired, Context context) {
                action.run();
            }

            @Override
            public String getCallbackName() {
                return event + " counter";
            }
        };
    }
}
