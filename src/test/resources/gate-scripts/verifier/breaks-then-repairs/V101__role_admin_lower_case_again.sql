-- ... and the next one of the same release repairs it.
ALTER TYPE userrole RENAME VALUE 'ADMIN' TO 'admin';
