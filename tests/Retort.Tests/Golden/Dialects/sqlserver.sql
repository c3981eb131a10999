-- CreateTableOperation
CREATE TABLE users (
    id INT IDENTITY(1,1) NOT NULL,
    name NVARCHAR(50) CONSTRAINT df_users_name DEFAULT 'x' NOT NULL,
    email NVARCHAR(120) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_name CHECK (name <> '')
);

GO

DECLARE @schema sysname = SCHEMA_NAME();
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'people', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'users';

GO

DECLARE @schema sysname = SCHEMA_NAME();
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'display name', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'users', @level2type = N'COLUMN', @level2name = N'name';

GO

-- DropTableOperation
DROP TABLE users;

GO

-- RenameTableOperation
EXEC sp_rename N'users', N'people';

GO

-- TableCommentOperation
DECLARE @schema sysname = SCHEMA_NAME();
IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'users') AND minor_id = 0 AND name = N'MS_Description')
    EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'users';
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'people', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'users';

GO

-- AddColumnOperation
ALTER TABLE users ADD address NVARCHAR(250) NULL;

GO

-- DropColumnOperation
DECLARE @default nvarchar(258);
SELECT @default = QUOTENAME(name) FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N'users') AND COL_NAME(parent_object_id, parent_column_id) = N'address';
IF @default IS NOT NULL EXEC(N'ALTER TABLE users DROP CONSTRAINT ' + @default);

GO

ALTER TABLE users DROP COLUMN address;

GO

-- AlterColumnOperation
DECLARE @default nvarchar(258), @definition nvarchar(max);
SELECT @default = QUOTENAME(name), @definition = definition FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N'users') AND COL_NAME(parent_object_id, parent_column_id) = N'name';
IF @default IS NOT NULL EXEC(N'ALTER TABLE users DROP CONSTRAINT ' + @default);
ALTER TABLE users ALTER COLUMN name NVARCHAR(100) NOT NULL;
IF @default IS NOT NULL EXEC(N'ALTER TABLE users ADD CONSTRAINT ' + @default + N' DEFAULT ' + @definition + N' FOR name');

GO

-- AlterColumnOperation
DECLARE @default nvarchar(258), @definition nvarchar(max);
SELECT @default = QUOTENAME(name), @definition = definition FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N'users') AND COL_NAME(parent_object_id, parent_column_id) = N'name';
IF @default IS NOT NULL EXEC(N'ALTER TABLE users DROP CONSTRAINT ' + @default);
ALTER TABLE users ALTER COLUMN name NVARCHAR(50) NULL;
IF @default IS NOT NULL EXEC(N'ALTER TABLE users ADD CONSTRAINT ' + @default + N' DEFAULT ' + @definition + N' FOR name');

GO

-- AlterColumnOperation
DECLARE @default nvarchar(258);
SELECT @default = QUOTENAME(name) FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N'users') AND COL_NAME(parent_object_id, parent_column_id) = N'name';
IF @default IS NOT NULL EXEC(N'ALTER TABLE users DROP CONSTRAINT ' + @default);

GO

ALTER TABLE users ADD CONSTRAINT df_users_name DEFAULT 'y' FOR name;

GO

-- AlterColumnOperation
EXEC sp_rename N'users.name', N'full_name', 'COLUMN';

GO

-- AlterColumnOperation
DECLARE @schema sysname = SCHEMA_NAME();
IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'users') AND minor_id = COLUMNPROPERTY(OBJECT_ID(N'users'), N'name', 'ColumnId') AND name = N'MS_Description')
    EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'users', @level2type = N'COLUMN', @level2name = N'name';
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'shown', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'users', @level2type = N'COLUMN', @level2name = N'name';

GO

-- CreateIndexOperation
CREATE UNIQUE INDEX ix_users_email ON users (email);

GO

-- CreateIndexOperation
CREATE INDEX ix_users_name ON users (name) WHERE name IS NOT NULL;

GO

-- CreateIndexOperation
-- refused: sqlserver: SQL Server has no CONCURRENTLY; drop 'concurrently: true', or write the index WITH (ONLINE = ON) through op.Execute where the edition has online index operations

-- DropIndexOperation
DROP INDEX ix_users_email ON users;

GO

-- AddConstraintOperation
ALTER TABLE users ADD CONSTRAINT uq_users_name UNIQUE (name);

GO

-- AddConstraintOperation
ALTER TABLE users ADD CONSTRAINT ck_users_id CHECK (id > 0);

GO

-- AddConstraintOperation
ALTER TABLE users ADD CONSTRAINT fk_users_parent FOREIGN KEY (parent_id) REFERENCES users (id) ON DELETE CASCADE;

GO

-- AddConstraintOperation
ALTER TABLE users ADD CONSTRAINT pk_users PRIMARY KEY (id);

GO

-- DropConstraintOperation
ALTER TABLE users DROP CONSTRAINT uq_users_name;

GO

-- DropConstraintOperation
ALTER TABLE users DROP CONSTRAINT fk_users_parent;

GO

-- DropConstraintOperation
ALTER TABLE users DROP CONSTRAINT pk_users;

GO

-- DropConstraintOperation
ALTER TABLE users DROP CONSTRAINT ck_users_id;

GO

-- CreateObjectOperation
CREATE VIEW active_users AS SELECT id FROM users;

GO

-- ReplaceObjectOperation
CREATE OR ALTER VIEW active_users AS SELECT id, name FROM users;

GO

-- DropObjectOperation
DROP VIEW active_users;

GO

-- CreateObjectOperation
CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$;

GO

-- ReplaceObjectOperation
CREATE OR ALTER FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 2 $$;

GO

-- DropObjectOperation
DROP FUNCTION add_one;

GO

-- CreateObjectOperation
CREATE PROCEDURE archive() LANGUAGE sql AS $$ DELETE FROM users $$;

GO

-- ReplaceObjectOperation
CREATE OR ALTER PROCEDURE archive() LANGUAGE sql AS $$ DELETE FROM users WHERE id > 0 $$;

GO

-- DropObjectOperation
DROP PROCEDURE archive;

GO

-- ExecuteSqlOperation
UPDATE users SET name = 'x';

GO

-- BulkInsertOperation
IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(N'users') AND name IN (N'id', N'name')) SET IDENTITY_INSERT users ON;

GO

INSERT INTO users (id, name) VALUES (1, N'a');

GO

INSERT INTO users (id, name) VALUES (2, N'O''Brien');

GO

IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(N'users') AND name IN (N'id', N'name')) SET IDENTITY_INSERT users OFF;

GO

-- CreateTableOperation
CREATE TABLE moods (
    id INT IDENTITY(1,1) NOT NULL,
    mood NVARCHAR(5) CONSTRAINT df_moods_mood DEFAULT 'ok' NOT NULL,
    PRIMARY KEY (id)
);

GO

-- DropTableOperation
DROP TABLE moods;

GO

-- AddColumnOperation
ALTER TABLE users ADD mood NVARCHAR(5) NULL;

GO

-- AlterColumnOperation
-- refused: sqlserver: ALTER COLUMN restates the column's nullability, so changing the type of users.name needs it: give existingNullable (or nullable), or the column would turn NULL-able

-- DropIndexOperation
-- refused: sqlserver: SQL Server has no CONCURRENTLY; drop 'concurrently: true', or write the index WITH (ONLINE = ON) through op.Execute where the edition has online index operations

-- BatchAlterTableOperation
DECLARE @default nvarchar(258), @definition nvarchar(max);
SELECT @default = QUOTENAME(name), @definition = definition FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N'users') AND COL_NAME(parent_object_id, parent_column_id) = N'name';
IF @default IS NOT NULL EXEC(N'ALTER TABLE users DROP CONSTRAINT ' + @default);
ALTER TABLE users ALTER COLUMN name NVARCHAR(max) NOT NULL;
IF @default IS NOT NULL EXEC(N'ALTER TABLE users ADD CONSTRAINT ' + @default + N' DEFAULT ' + @definition + N' FOR name');

GO

ALTER TABLE users ADD address NVARCHAR(250) NULL;

GO

CREATE INDEX ix_users_address ON users (address);

GO

ALTER TABLE users ADD CONSTRAINT ck_users_email CHECK (email LIKE '%@%');

GO

-- BatchAlterTableOperation
DECLARE @default nvarchar(258);
SELECT @default = QUOTENAME(name) FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N'users') AND COL_NAME(parent_object_id, parent_column_id) = N'email';
IF @default IS NOT NULL EXEC(N'ALTER TABLE users DROP CONSTRAINT ' + @default);

GO

ALTER TABLE users DROP COLUMN email;

GO

-- CreateIndexOperation
CREATE INDEX ix_users_name_id ON users (name, id DESC);

GO

-- CreateSequenceOperation
CREATE SEQUENCE order_numbers START WITH 1000 INCREMENT BY 5 NO MINVALUE NO MAXVALUE NO CYCLE;

GO

-- CreateSequenceOperation
CREATE SEQUENCE tickets AS INT START WITH 10 INCREMENT BY -1 MINVALUE 1 MAXVALUE 10 CYCLE;

GO

-- AlterSequenceOperation
ALTER SEQUENCE order_numbers INCREMENT BY 10 NO MINVALUE MAXVALUE 99999 NO CYCLE;

GO

-- AlterSequenceOperation
-- refused: sqlserver: ALTER SEQUENCE cannot change where sequence order_numbers starts without restarting it; restart it with op.Execute("ALTER SEQUENCE … RESTART WITH …") if that is what is meant

-- DropSequenceOperation
DROP SEQUENCE order_numbers;

GO
