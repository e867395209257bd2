-- PostgreSQL refuses CREATE INDEX CONCURRENTLY in a transaction, so Flyway runs this script outside one.
CREATE INDEX CONCURRENTLY users_created_at_idx ON users (created_at);
