-- Applied before the test reads the pending scripts.
CREATE TYPE userrole AS ENUM ('sysadmin', 'admin', 'user');

CREATE TABLE users (
    id         uuid PRIMARY KEY,
    role       userrole NOT NULL,
    created_at timestamp without time zone NOT NULL
);
