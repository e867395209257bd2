-- A table that shadows users for the application's sessions: their search_path starts with "$user", and this
-- creates that schema; the script itself then runs with search_path public, where users is still the real one.
SET search_path = public;
DO $$
BEGIN
    EXECUTE format('CREATE SCHEMA %I', current_user);
    EXECUTE format('CREATE TABLE %I.users (id uuid PRIMARY KEY)', current_user);
END
$$;
