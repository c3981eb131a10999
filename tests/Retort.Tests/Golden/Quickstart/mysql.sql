CREATE TABLE retort_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT retort_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS retort_version_log (
    id BIGINT NOT NULL AUTO_INCREMENT,
    run_id VARCHAR(36) NOT NULL,
    step INT NOT NULL,
    revision VARCHAR(255) NOT NULL,
    direction VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    checksum VARCHAR(64) NULL,
    checksum_version INT NULL,
    applied_at DATETIME(6) NOT NULL,
    duration_ms BIGINT NULL,
    statements_done INT NULL,
    statements_hash VARCHAR(64) NULL,
    error LONGTEXT NULL,
    applied_by VARCHAR(255) NOT NULL,
    tool_version VARCHAR(64) NOT NULL,
    tag VARCHAR(255) NULL,
    PRIMARY KEY (id)
);

-- Running upgrade  -> 9439071a7745

CREATE TABLE account (
    id INT NOT NULL AUTO_INCREMENT,
    name VARCHAR(50) NOT NULL,
    description VARCHAR(200) NULL COMMENT 'free text',
    PRIMARY KEY (id)
);

CREATE TABLE `order` (
    id INT NOT NULL AUTO_INCREMENT,
    account_id INT NOT NULL,
    paid BOOL NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT fk_order_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX ix_order_account_id ON `order` (account_id);

INSERT INTO retort_version (version_num) VALUES ('9439071a7745');

INSERT INTO retort_version_log (run_id, step, revision, direction, status, checksum, checksum_version, applied_at, duration_ms, statements_done, statements_hash, error, applied_by, tool_version, tag) VALUES ('RUN-ID', 1, '9439071a7745', 'upgrade', 'done', '3f8ce7280ed3869601673f7d40a8c06011ce9476359b54c7bb60ca1953208395', 1, UTC_TIMESTAMP(6), NULL, NULL, NULL, NULL, CURRENT_USER(), 'VERSION', NULL);

-- Running upgrade 9439071a7745 -> 04432f9571f7

ALTER TABLE account ADD COLUMN last_txn DATETIME(6) NULL;

UPDATE retort_version SET version_num='04432f9571f7' WHERE retort_version.version_num = '9439071a7745';

INSERT INTO retort_version_log (run_id, step, revision, direction, status, checksum, checksum_version, applied_at, duration_ms, statements_done, statements_hash, error, applied_by, tool_version, tag) VALUES ('RUN-ID', 2, '04432f9571f7', 'upgrade', 'done', '09a30de8a8d6c0ac7531329def5a91dfedf2a9263845da49b1ca08b77bd4bf08', 1, UTC_TIMESTAMP(6), NULL, NULL, NULL, NULL, CURRENT_USER(), 'VERSION', NULL);

