BEGIN TRANSACTION;

GO

CREATE TABLE retort_version (
    version_num NVARCHAR(32) NOT NULL,
    CONSTRAINT retort_version_pkc PRIMARY KEY (version_num)
);

GO

-- Running upgrade  -> 9439071a7745

CREATE TABLE account (
    id INT NOT NULL,
    name NVARCHAR(50) NOT NULL,
    description NVARCHAR(200) NULL,
    PRIMARY KEY (id)
);

GO

DECLARE @schema sysname = SCHEMA_NAME();
EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'free text', @level0type = N'SCHEMA', @level0name = @schema, @level1type = N'TABLE', @level1name = N'account', @level2type = N'COLUMN', @level2name = N'description';

GO

CREATE TABLE [order] (
    id INT NOT NULL,
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

-- Running upgrade 9439071a7745 -> 04432f9571f7

ALTER TABLE account ADD last_txn DATETIME2 NULL;

GO

UPDATE retort_version SET version_num=N'04432f9571f7' WHERE retort_version.version_num = N'9439071a7745';

GO

COMMIT;

GO

