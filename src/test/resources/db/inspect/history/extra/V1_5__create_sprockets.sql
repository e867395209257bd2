CREATE TABLE sprockets (id integer PRIMARY KEY);
