package dev.migrationgate.report;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Passes every console log record through {@link Redaction}, so libraries that log connection URLs or
 * driver messages (Flyway masks {@code password=} but prints {@code sslpassword=}) never write a
 * credential. Enabled by {@code quarkus.log.console.filter=redact-credentials}. Quarkus creates it when it
 * sets up logging, with the run-time configuration in place: it registers the configured secrets then
 * ({@link ConfiguredSecrets}), before the first record it filters. Stack traces of logged throwables are not
 * rewritten: the gate's own code never hands a driver exception to the logger.
 */
@LoggingFilter(name = "redact-credentials")
public final class RedactingLogFilter implements Filter {

    public RedactingLogFilter() {
        ConfiguredSecrets.protect(ConfigProvider.getConfig());
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            String redacted = Redaction.redact(formatted);
            if (redacted != null && !redacted.equals(formatted)) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }
}
