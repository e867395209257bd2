-- A label made of Flyway's built-in placeholder: the migration user's name, which Java never writes.
ALTER TYPE userrole ADD VALUE '${flyway:user}';
