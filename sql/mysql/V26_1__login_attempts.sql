-- Logins whose password is being checked right now. An attempt is written here before its password
-- is checked, in the same transaction that counts the e-mail's and the address's failures and the
-- attempts still in flight, so the throttle's limits hold however many attempts arrive at once and
-- on whichever node. A settled attempt leaves: a failure moves to login_failures, a success is
-- never counted. An attempt its node never settled (a crash) stops counting after two minutes.
CREATE TABLE login_attempts (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email          VARCHAR(254) NOT NULL,
  client_address VARCHAR(64)  NOT NULL,
  started_at     BIGINT       NOT NULL,
  KEY ix_login_attempts_email (email, started_at),
  KEY ix_login_attempts_address (client_address, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per e-mail ('e:...') and client address ('a:...') that tried to log in within the window:
-- the row the reserving transaction updates first, so that attempts for the same e-mail or address
-- reserve one after the other (a row lock, which Galera certifies across nodes too).
CREATE TABLE login_throttle_keys (
  throttle_key VARCHAR(300) NOT NULL PRIMARY KEY,
  used_at      BIGINT       NOT NULL,
  KEY ix_login_throttle_keys_used_at (used_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
