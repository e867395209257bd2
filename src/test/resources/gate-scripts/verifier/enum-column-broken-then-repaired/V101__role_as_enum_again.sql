-- ... and the next one of the same release turns it back, should it ever run.
ALTER TABLE users ALTER COLUMN role TYPE userrole USING role::userrole;
