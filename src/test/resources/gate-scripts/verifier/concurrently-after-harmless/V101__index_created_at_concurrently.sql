-- After V100 of the harmless release: PostgreSQL refuses CREATE INDEX CONCURRENTLY in a transaction, so
-- Flyway runs this script outside one, and the whole release is refused before V100 runs.
CREATE INDEX CONCURRENTLY users_created_at_idx ON users (created_at);
