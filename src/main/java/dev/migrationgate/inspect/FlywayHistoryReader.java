package dev.migrationgate.inspect;

import dev.migrationgate.inspect.MigrationHistory.Migration;
import dev.migrationgate.inspect.MigrationHistory.ValidationError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.core.api.pattern.ValidatePattern;

/**
 * Reads a {@link MigrationHistory} through Flyway's API: {@code info().all()} for the migrations and
 * {@code validateWithResult()} for the errors. Validation runs on a copy of the given configuration that
 * also ignores pending migrations ({@code *:pending}): pending work is reported by state, not as an error.
 * Every other setting of the given Flyway (locations, ignore patterns, history table, data source) applies.
 */
public final class FlywayHistoryReader implements MigrationHistoryReader {

    static final ValidatePattern IGNORE_PENDING = ValidatePattern.fromPattern("*:pending");

    private final String database;
    private final Flyway flyway;

    /** @param database the database's name, for error messages */
    public FlywayHistoryReader(String database, Flyway flyway) {
        this.database = database;
        ValidatePattern[] configured = flyway.getConfiguration().getIgnoreMigrationPatterns();
        ValidatePattern[] patterns = Arrays.copyOf(configured, configured.length + 1);
        patterns[configured.length] = IGNORE_PENDING;
        this.flyway = Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration())
                .ignoreMigrationPatterns(patterns)
                .load();
    }

    @Override
    public MigrationHistory read() {
        try {
            List<MigrationInfo> infos = List.of(flyway.info().all());
            ValidateResult validation = flyway.validateWithResult();
            return new MigrationHistory(infos.stream().map(FlywayHistoryReader::migration).toList(),
                    validationErrors(validation, infos));
        } catch (FlywayException e) {
            throw new InspectionException("reading the Flyway history of database " + database, e);
        }
    }

    private static Migration migration(MigrationInfo info) {
        return new Migration(info.getVersion() == null ? null : info.getVersion().getVersion(), info.getDescription(),
                info.getScript(), info.getState().name(), info.getChecksum(), info.getState().isApplied());
    }

    private static List<ValidationError> validationErrors(ValidateResult validation, List<MigrationInfo> infos) {
        Map<String, String> scripts = infos.stream().filter(i -> i.getVersion() != null)
                .collect(Collectors.toMap(i -> i.getVersion().getVersion(), MigrationInfo::getScript, (a, b) -> a));
        List<ValidationError> errors = new ArrayList<>();
        for (ValidateOutput invalid : validation.invalidMigrations) {
            String version = invalid.version == null || invalid.version.isEmpty() ? null : invalid.version;
            String script = version != null && scripts.containsKey(version) ? scripts.get(version) : invalid.filepath;
            errors.add(new ValidationError(version, script, codeName(invalid.errorDetails.errorCode),
                    invalid.errorDetails.errorMessage));
        }
        if (!validation.validationSuccessful && errors.isEmpty() && validation.errorDetails != null) {
            errors.add(new ValidationError(null, null, codeName(validation.errorDetails.errorCode),
                    validation.errorDetails.errorMessage));
        }
        return errors;
    }

    private static String codeName(ErrorCode code) {
        return code instanceof Enum<?> constant ? constant.name() : String.valueOf(code);
    }
}
