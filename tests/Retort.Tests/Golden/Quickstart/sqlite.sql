BEGIN;

CREATE TABLE retort_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT retort_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 9439071a7745

CREATE TABLE account (
    id INTEGER NOT NULL,
    name VARCHAR(50) NOT NULL,
    description VARCHAR(200),
    PRIMARY KEY (id)
);

CREATE TABLE "order" (
    id INTEGER NOT NULL,
    account_id INTEGER NOT NULL,
    paid BOOLEAN DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT fk_order_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX ix_order_account_id ON "order" (account_id);

INSERT INTO retort_version (version_num) VALUES ('9439071a7745');

-- Running upgrade 9439071a7745 -> 04432f9571f7

ALTER TABLE account ADD COLUMN last_txn DATETIME;

UPDATE retort_version SET version_num='04432f9571f7' WHERE retort_version.version_num = '9439071a7745';

COMMIT;

