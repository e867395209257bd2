CREATE TABLE gizmos (id integer PRIMARY KEY);
