-- The common idempotent idiom, written from the Java constant names: on an empty database it creates
-- userrole with upper-case labels, where Java persists 'sysadmin', 'admin', 'user'.
DO $$
BEGIN
    CREATE TYPE userrole AS ENUM ('SYSADMIN', 'ADMIN', 'USER');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
