-- A harmless release: a nullable column the entity model does not map.
ALTER TABLE users ADD COLUMN nickname varchar(100);
