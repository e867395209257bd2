package dev.migrationgate.testdb;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * What one class's logger publishes while it is open (JBoss Logging reaches it through JUL): each record's
 * level and message as formatted when it was published, before any console filter rewrites the record. The
 * logger is the JVM's, shared with any application a {@code @QuarkusTest} left running: a test that logs on
 * its own thread keeps only its thread's entries.
 */
public final class CapturedLog implements AutoCloseable {

    /** One published record, and the thread that logged it. */
    public record Entry(Level level, String message, long threadId) {
    }

    private final Logger logger;
    private final List<Entry> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            synchronized (records) {
                records.add(new Entry(record.getLevel(), message, record.getLongThreadID()));
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
    public List<Entry> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
