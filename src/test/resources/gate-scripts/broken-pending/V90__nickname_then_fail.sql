-- Adds a column, then fails on a type that does not exist: PostgreSQL must roll the whole script back.
ALTER TABLE users ADD COLUMN nickname varchar(50);

ALTER TABLE users ADD COLUMN mood no_such_type;
