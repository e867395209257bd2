CREATE TABLE half_done (id integer PRIMARY KEY);
SELECT 1 / 0;
