-- Renames a label by writing the catalog directly (needs a superuser): Java writes 'admin', so after
-- this no administrator could be inserted or read.
UPDATE pg_enum SET enumlabel = 'ADMIN'
WHERE enumlabel = 'admin' AND enumtypid = 'userrole'::regtype;
