package dev.migrationgate.inspect;

/**
 * Reading the catalog or the migration history failed. The message names the operation and the database,
 * e.g. {@code reading enum types of database app: ERROR: permission denied for table pg_enum}; the cause
 * is kept.
 */
public class InspectionException extends RuntimeException {

    public InspectionException(String operation, Throwable cause) {
        super(operation + ": " + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), cause);
    }
}
