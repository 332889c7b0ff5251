-- Failed logins, kept 15 minutes: throttling reads them, so it holds across every node that
-- shares the database. Successful logins are never written here.
CREATE TABLE login_failures (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email          VARCHAR(254) NOT NULL,
  client_address VARCHAR(64)  NOT NULL,
  failed_at      BIGINT       NOT NULL,
  KEY ix_login_failures_email (email, failed_at),
  KEY ix_login_failures_address (client_address, failed_at),
  KEY ix_login_failures_failed_at (failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
