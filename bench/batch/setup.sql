-- The table bench/batch.sh rebuilds: 1,000,000 rows, a unique constraint and an index.
CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(50),
    email VARCHAR(120) NOT NULL,
    age INTEGER,
    score DOUBLE,
    created TEXT,
    CONSTRAINT uq_users_email UNIQUE (email)
);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO users (id, name, email, age, score, created)
SELECT i, 'user ' || i, 'u' || i || '@example.org', i % 90, i * 0.5, '2026-01-01 12:00:00' FROM n;
CREATE INDEX ix_users_name ON users (name);
