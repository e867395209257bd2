package dev.migrationgate.testdb;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one class's logger publishes while it is open (JBoss Logging reaches it through JUL). */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        logger.addHandler(handler);
    }

    /** Starts capturing what {@code source}'s logger publishes. */
    public static CapturedLog of(Class<?> source) {
        return new CapturedLog(source);
    }

    /** What was published so far, in order. */
    public List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
