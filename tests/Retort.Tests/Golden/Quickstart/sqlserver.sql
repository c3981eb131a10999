BEGIN TRANSACTION;

GO

CREATE TABLE retort_version (
    version_num NVARCHAR(32) NOT NULL,
    CONSTRAINT retort_version_pkc PRIMARY KEY (version_num)
);

GO

IF OBJECT_ID(N'retort_version_log', N'U') IS NULL
CREATE TABLE retort_version_log (
    id BIGINT IDENTITY(1,1) NOT NULL,
    run_id NVARCHAR(36) NOT NULL,
    step INT NOT NULL,
    revision NVARCHAR(255) NOT NULL,
    direction NVARCHAR(16) NOT NULL,
    status NVARCHAR(16) NOT NULL,
    checksum NVARCHAR(64) NULL,
    checksum_version INT NULL,
    applied_at DATETIME2 NOT NULL,
    duration_ms BIGINT NULL,
    statements_done INT NULL,
    statements_hash NVARCHAR(64) NULL,
    error NVARCHAR(max) NULL,
    applied_by NVARCHAR(255) NOT NULL,
    tool_version NVARCHAR(64) NOT NULL,
    tag NVARCHAR(255) NULL,
    PRIMARY KEY (id)
);

GO

-- Running upgrade  -> 9439071a7745

CREATE TABLE account (
    id INT IDENTITY(1,1) NOT NULL,
    name NVARCHAR(50) NOT NULL,
    description NVARCHAR(200) NULL,
    PRIMARY KEY (id)
);

GO

DECLARE @schema sysname = SCHEMA_NAME();
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'free text', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'account', @level2type = N'COLUMN', @level2name = N'description';

GO

CREATE TABLE [order] (
    id INT IDENTITY(1,1) NOT NULL,
    account_id INT NOT NULL,
    paid BIT CONSTRAINT df_order_paid DEFAULT FALSE NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_order_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

GO

CREATE INDEX ix_order_account_id ON [order] (account_id);

GO

INSERT INTO retort_version (version_num) VALUES (N'9439071a7745');

GO

INSERT INTO retort_version_log (run_id, step, revision, direction, status, checksum, checksum_version, applied_at, duration_ms, statements_done, statements_hash, error, applied_by, tool_version, tag) VALUES (N'RUN-ID', 1, N'9439071a7745', N'upgrade', N'done', N'3f8ce7280ed3869601673f7d40a8c06011ce9476359b54c7bb60ca1953208395', 1, SYSUTCDATETIME(), NULL, NULL, NULL, NULL, SUSER_SNAME(), N'VERSION', NULL);

GO

-- Running upgrade 9439071a7745 -> 04432f9571f7

ALTER TABLE account ADD last_txn DATETIME2 NULL;

GO

UPDATE retort_version SET version_num=N'04432f9571f7' WHERE retort_version.version_num = N'9439071a7745';

GO

INSERT INTO retort_version_log (run_id, step, revision, direction, status, checksum, checksum_version, applied_at, duration_ms, statements_done, statements_hash, error, applied_by, tool_version, tag) VALUES (N'RUN-ID', 2, N'04432f9571f7', N'upgrade', N'done', N'09a30de8a8d6c0ac7531329def5a91dfedf2a9263845da49b1ca08b77bd4bf08', 1, SYSUTCDATETIME(), NULL, NULL, NULL, NULL, SUSER_SNAME(), N'VERSION', NULL);

GO

COMMIT;

GO

