-- ... and the next one of the same release puts it back, should it ever run.
ALTER TYPE userrole RENAME TO userrole_before;
CREATE TYPE userrole AS ENUM ('sysadmin', 'admin', 'user', 'auditor');
ALTER TABLE users ALTER COLUMN role TYPE userrole USING role::text::userrole;
ALTER TABLE users ALTER COLUMN role SET DEFAULT 'user';
DROP TYPE userrole_before;
