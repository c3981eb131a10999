-- The floor for bench/batch.sh: the same rebuild of users written by hand after SQLite's procedure
-- (https://www.sqlite.org/lang_altertable.html#otheralter), run by bench/floor in one transaction.
CREATE TABLE new_users (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    email VARCHAR(120) NOT NULL,
    age INTEGER,
    created TEXT,
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_age CHECK (age >= 0)
);

INSERT INTO new_users (id, name, email, age, created) SELECT id, name, email, age, created FROM users;

DROP TABLE users;

ALTER TABLE new_users RENAME TO users;

CREATE INDEX ix_users_name ON users (name);
