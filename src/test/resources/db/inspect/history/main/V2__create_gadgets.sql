CREATE TABLE gadgets (id integer PRIMARY KEY);
