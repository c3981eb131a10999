-- CreateTableOperation
CREATE TABLE users (
    id INT NOT NULL AUTO_INCREMENT,
    name VARCHAR(50) NOT NULL DEFAULT 'x' COMMENT 'display name',
    email VARCHAR(120) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_name CHECK (name <> '')
) COMMENT = 'people';

-- DropTableOperation
DROP TABLE users;

-- RenameTableOperation
RENAME TABLE users TO people;

-- TableCommentOperation
ALTER TABLE users COMMENT = 'people';

-- AddColumnOperation
ALTER TABLE users ADD COLUMN address VARCHAR(250) NULL;

-- DropColumnOperation
ALTER TABLE users DROP COLUMN address;

-- AlterColumnOperation
ALTER TABLE users MODIFY COLUMN name VARCHAR(100) NOT NULL;

-- AlterColumnOperation
ALTER TABLE users MODIFY COLUMN name VARCHAR(50) NULL;

-- AlterColumnOperation
ALTER TABLE users ALTER COLUMN name SET DEFAULT 'y';

-- AlterColumnOperation
ALTER TABLE users RENAME COLUMN name TO full_name;

-- AlterColumnOperation
-- refused: mysql: altering users.name needs existingNullable: MySQL restates the whole column (MODIFY/CHANGE), so give existingNullable (and existingServerDefault, existingComment where the column has them)

-- CreateIndexOperation
CREATE UNIQUE INDEX ix_users_email ON users (email);

-- CreateIndexOperation
CREATE INDEX ix_users_name ON users (name);

-- CreateIndexOperation
CREATE INDEX ix_users_email_c ON users (email) LOCK=NONE;

-- DropIndexOperation
DROP INDEX ix_users_email ON users;

-- AddConstraintOperation
ALTER TABLE users ADD CONSTRAINT uq_users_name UNIQUE (name);

-- AddConstraintOperation
ALTER TABLE users ADD CONSTRAINT ck_users_id CHECK (id > 0);

-- AddConstraintOperation
ALTER TABLE users ADD CONSTRAINT fk_users_parent FOREIGN KEY (parent_id) REFERENCES users (id) ON DELETE CASCADE;

-- AddConstraintOperation
ALTER TABLE users ADD PRIMARY KEY (id);

-- DropConstraintOperation
ALTER TABLE users DROP INDEX uq_users_name;

-- DropConstraintOperation
ALTER TABLE users DROP FOREIGN KEY fk_users_parent;

-- DropConstraintOperation
ALTER TABLE users DROP PRIMARY KEY;

-- DropConstraintOperation
ALTER TABLE users DROP CHECK ck_users_id;

-- CreateObjectOperation
CREATE VIEW active_users AS SELECT id FROM users;

-- ReplaceObjectOperation
CREATE OR REPLACE VIEW active_users AS SELECT id, name FROM users;

-- DropObjectOperation
DROP VIEW active_users;

-- CreateObjectOperation
CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$;

-- ReplaceObjectOperation
DROP FUNCTION IF EXISTS add_one;

CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 2 $$;

-- DropObjectOperation
DROP FUNCTION add_one;

-- CreateObjectOperation
CREATE PROCEDURE archive() LANGUAGE sql AS $$ DELETE FROM users $$;

-- ReplaceObjectOperation
DROP PROCEDURE IF EXISTS archive;

CREATE PROCEDURE archive() LANGUAGE sql AS $$ DELETE FROM users WHERE id > 0 $$;

-- DropObjectOperation
DROP PROCEDURE archive;

-- ExecuteSqlOperation
UPDATE users SET name = 'x';

-- BulkInsertOperation
INSERT INTO users (id, name) VALUES (1, 'a');

INSERT INTO users (id, name) VALUES (2, 'O''Brien');

-- CreateTableOperation
CREATE TABLE moods (
    id INT NOT NULL AUTO_INCREMENT,
    mood ENUM('sad', 'ok', 'happy') NOT NULL DEFAULT 'ok',
    PRIMARY KEY (id)
);

-- DropTableOperation
DROP TABLE moods;

-- AddColumnOperation
ALTER TABLE users ADD COLUMN mood ENUM('sad', 'ok', 'happy') NULL;

-- AlterColumnOperation
-- refused: mysql: altering users.name with a USING expression is PostgreSQL's; convert the values with op.Execute before or after the type change

-- DropIndexOperation
DROP INDEX ix_users_email_c ON users;

-- BatchAlterTableOperation
ALTER TABLE users MODIFY COLUMN name LONGTEXT NOT NULL DEFAULT 'x' COMMENT 'display name';

ALTER TABLE users ADD COLUMN address VARCHAR(250) NULL;

CREATE INDEX ix_users_address ON users (address);

ALTER TABLE users ADD CONSTRAINT ck_users_email CHECK (email LIKE '%@%');

-- BatchAlterTableOperation
ALTER TABLE users DROP COLUMN email;

-- CreateIndexOperation
CREATE INDEX ix_users_name_id ON users (name, id DESC);

-- CreateSequenceOperation
-- refused: mysql: MySQL has no sequences (MariaDB 10.3+ has); number rows with an AUTO_INCREMENT column

-- CreateSequenceOperation
-- refused: mysql: MySQL has no sequences (MariaDB 10.3+ has); number rows with an AUTO_INCREMENT column

-- AlterSequenceOperation
-- refused: mysql: MySQL has no sequences (MariaDB 10.3+ has); number rows with an AUTO_INCREMENT column

-- AlterSequenceOperation
-- refused: mysql: MySQL has no sequences (MariaDB 10.3+ has); number rows with an AUTO_INCREMENT column

-- DropSequenceOperation
-- refused: mysql: MySQL has no sequences (MariaDB 10.3+ has); number rows with an AUTO_INCREMENT column
