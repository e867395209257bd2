-- A script that waits long enough for the test to terminate its backend (SQLSTATE 57P01): the database going
-- away under a migration, as in a failover, not the script failing.
SELECT pg_sleep(60);
