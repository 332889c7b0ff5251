-- Logins whose password is being checked right now. An attempt is written here before its password
-- is checked, in the same transaction that counts the e-mail's and the address's failures and the
-- attempts still in flight, so the throttle's limits hold however many attempts arrive at once and
-- on whichever node. A settled attempt leaves: a failure moves to login_failures, a success is
-- never counted. An attempt its node never settled (a crash) stops counting after two minutes.
CREATE TABLE login_attempts (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  email          TEXT    NOT NULL,
  client_address TEXT    NOT NULL,
  started_at     INTEGER NOT NULL
);
CREATE INDEX ix_login_attempts_email ON login_attempts (email, started_at);
CREATE INDEX ix_login_attempts_address ON login_attempts (client_address, started_at);

-- One row per e-mail ('e:...') and client address ('a:...') that tried to log in within the window:
-- the row the reserving transaction updates first, so that attempts for the same e-mail or address
-- reserve one after the other (a row lock on MySQL and Galera; SQLite has one writer anyway).
CREATE TABLE login_throttle_keys (
  throttle_key TEXT    NOT NULL PRIMARY KEY,
  used_at      INTEGER NOT NULL
);
CREATE INDEX ix_login_throttle_keys_used_at ON login_throttle_keys (used_at);
