-- The two roles migration-gate expects, in one database (PostgreSQL 13 or later).
-- Run once as a superuser, connected to the service's database, with psql variables:
--   psql -v ON_ERROR_STOP=1 -v migrator=migration_gate_migrator -v migrator_password=... \
--        -v app=migration_gate_app -v app_password=... -d migration_gate -f roles.sql
-- deploy/examples/postgres runs it at the server's first start (10-roles.sh).

-- The migration role owns the schema Flyway manages. CREATE on the database lets it create the
-- trusted extensions (uuid-ossp, pgcrypto) itself.
CREATE ROLE :"migrator" LOGIN PASSWORD :'migrator_password';
GRANT CONNECT, CREATE ON DATABASE :"DBNAME" TO :"migrator";
ALTER SCHEMA public OWNER TO :"migrator";

-- The application role reads and writes rows, nothing else: no DDL, no extensions.
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
GRANT CONNECT ON DATABASE :"DBNAME" TO :"app";
GRANT USAGE ON SCHEMA public TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"migrator" IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"migrator" IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO :"app";
