-- Login security for the IAM API (issue 11).
-- failed_login_count: consecutive failed logins, updated atomically in SQL so the lockout counter
-- survives restarts and is shared by every replica; reset by a successful login or when the account
-- gets locked (locked_until).
ALTER TABLE users ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0;

-- The audit trail outlives the accounts it names: deleting a user keeps its entries (actor_id stays,
-- the foreign key goes), and each entry names the resource it touched.
ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_actor_id_fkey;
ALTER TABLE audit_logs ADD COLUMN resource_id varchar(100);
