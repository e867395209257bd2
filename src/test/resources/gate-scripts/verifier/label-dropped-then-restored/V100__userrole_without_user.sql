-- The first migration of a release drops the label 'user' the running fleet writes (ENUM_LABEL_MISSING on
-- userrole, whose only finding before the release was a warning: a newer release's label) ...
ALTER TYPE userrole RENAME TO userrole_before;
CREATE TYPE userrole AS ENUM ('sysadmin', 'admin', 'auditor');
ALTER TABLE users ALTER COLUMN role DROP DEFAULT;
ALTER TABLE users ALTER COLUMN role TYPE userrole USING role::text::userrole;
DROP TYPE userrole_before;
