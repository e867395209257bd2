-- A pending migration written from the Java constant names instead of the persisted values:
-- Java writes 'admin', so after this no administrator could be inserted or read.
ALTER TYPE userrole RENAME VALUE 'admin' TO 'ADMIN';
