-- A script that outlives its own statement_timeout: PostgreSQL cancels it (SQLSTATE 57014).
SET LOCAL statement_timeout = '100ms';
SELECT pg_sleep(2);
