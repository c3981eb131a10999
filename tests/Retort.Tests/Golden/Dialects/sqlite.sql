-- CreateTableOperation
CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(50) DEFAULT 'x' NOT NULL,
    email VARCHAR(120),
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_name CHECK (name <> '')
);

-- DropTableOperation
DROP TABLE users;

-- RenameTableOperation
ALTER TABLE users RENAME TO people;

-- TableCommentOperation
-- (no statements)

-- AddColumnOperation
ALTER TABLE users ADD COLUMN address VARCHAR(250);

-- DropColumnOperation
ALTER TABLE users DROP COLUMN address;

-- AlterColumnOperation
-- refused: sqlite: cannot alter the type of users.name in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)

-- AlterColumnOperation
-- refused: sqlite: cannot alter the nullability of users.name in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)

-- AlterColumnOperation
-- refused: sqlite: cannot alter the server default of users.name in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)

-- AlterColumnOperation
ALTER TABLE users RENAME COLUMN name TO full_name;

-- AlterColumnOperation
-- (no statements)

-- CreateIndexOperation
CREATE UNIQUE INDEX ix_users_email ON users (email);

-- CreateIndexOperation
CREATE INDEX ix_users_name ON users (name) WHERE name IS NOT NULL;

-- CreateIndexOperation
-- refused: sqlite: SQLite has no CONCURRENTLY (it allows one writer at a time); drop 'concurrently: true' for this database

-- DropIndexOperation
DROP INDEX ix_users_email;

-- AddConstraintOperation
-- refused: sqlite: cannot add unique constraint uq_users_name to users in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode), or create a unique index (op.CreateIndex with unique: true)

-- AddConstraintOperation
-- refused: sqlite: cannot add check constraint ck_users_id to users in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)

-- AddConstraintOperation
-- refused: sqlite: cannot add foreign key fk_users_parent to users in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)

-- AddConstraintOperation
-- refused: sqlite: cannot add primary key pk_users to users in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)

-- DropConstraintOperation
-- refused: sqlite: cannot drop unique constraint uq_users_name from users in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)

-- DropConstraintOperation
-- refused: sqlite: cannot drop foreign key fk_users_parent from users in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)

-- DropConstraintOperation
-- refused: sqlite: cannot drop primary key pk_users from users in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)

-- DropConstraintOperation
-- refused: sqlite: cannot drop check constraint ck_users_id from users in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)

-- CreateObjectOperation
CREATE VIEW active_users AS SELECT id FROM users;

-- ReplaceObjectOperation
DROP VIEW IF EXISTS active_users;

CREATE VIEW active_users AS SELECT id, name FROM users;

-- DropObjectOperation
DROP VIEW active_users;

-- CreateObjectOperation
-- refused: sqlite: SQLite has no stored functions; register the function on each connection (SqliteConnection.CreateFunction) in the application instead

-- ReplaceObjectOperation
-- refused: sqlite: SQLite has no stored functions; register the function on each connection (SqliteConnection.CreateFunction) in the application instead

-- DropObjectOperation
-- refused: sqlite: SQLite has no stored functions; register the function on each connection (SqliteConnection.CreateFunction) in the application instead

-- CreateObjectOperation
-- refused: sqlite: SQLite has no stored procedures; run the statements with op.Execute, or create a trigger with op.Execute

-- ReplaceObjectOperation
-- refused: sqlite: SQLite has no stored procedures; run the statements with op.Execute, or create a trigger with op.Execute

-- DropObjectOperation
-- refused: sqlite: SQLite has no stored procedures; run the statements with op.Execute, or create a trigger with op.Execute

-- ExecuteSqlOperation
UPDATE users SET name = 'x';

-- BulkInsertOperation
INSERT INTO users (id, name) VALUES (1, 'a');

INSERT INTO users (id, name) VALUES (2, 'O''Brien');

-- CreateTableOperation
CREATE TABLE moods (
    id INTEGER NOT NULL PRIMARY KEY,
    mood VARCHAR(5) DEFAULT 'ok' NOT NULL
);

-- DropTableOperation
DROP TABLE moods;

-- AddColumnOperation
ALTER TABLE users ADD COLUMN mood VARCHAR(5);

-- AlterColumnOperation
-- refused: sqlite: cannot alter the type of users.name in place; SQLite needs the table rebuilt: use op.BatchAlterTable (batch mode)

-- DropIndexOperation
-- refused: sqlite: SQLite has no CONCURRENTLY (it allows one writer at a time); drop 'concurrently: true' for this database

-- BatchAlterTableOperation
CREATE TABLE _retort_tmp_users (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name TEXT DEFAULT 'x' NOT NULL,
    email VARCHAR(120),
    address VARCHAR(250),
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_name CHECK (name <> ''),
    CONSTRAINT ck_users_email CHECK (email LIKE '%@%')
);

INSERT INTO _retort_tmp_users (id, name, email) SELECT id, name, email FROM users;

INSERT INTO sqlite_sequence (name, seq) SELECT '_retort_tmp_users', seq FROM sqlite_sequence WHERE name = 'users' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_retort_tmp_users');

UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM sqlite_sequence WHERE name IN ('users', '_retort_tmp_users')) WHERE name = '_retort_tmp_users';

DROP TABLE users;

PRAGMA legacy_alter_table = ON;

ALTER TABLE _retort_tmp_users RENAME TO users;

PRAGMA legacy_alter_table = OFF;

CREATE INDEX ix_users_address ON users (address);

-- BatchAlterTableOperation
-- refused: sqlite: batch mode rebuilds users, which needs the table's definition, and with --sql nothing is read from the database: pass copyFrom: new Table(...) to op.BatchAlterTable

-- CreateIndexOperation
CREATE INDEX ix_users_name_id ON users (name, id DESC);

-- CreateSequenceOperation
-- refused: sqlite: SQLite has no sequences; number rows with an INTEGER PRIMARY KEY, or keep a counter in a table of its own

-- CreateSequenceOperation
-- refused: sqlite: SQLite has no sequences; number rows with an INTEGER PRIMARY KEY, or keep a counter in a table of its own

-- AlterSequenceOperation
-- refused: sqlite: SQLite has no sequences; number rows with an INTEGER PRIMARY KEY, or keep a counter in a table of its own

-- AlterSequenceOperation
-- refused: sqlite: SQLite has no sequences; number rows with an INTEGER PRIMARY KEY, or keep a counter in a table of its own

-- DropSequenceOperation
-- refused: sqlite: SQLite has no sequences; number rows with an INTEGER PRIMARY KEY, or keep a counter in a table of its own
