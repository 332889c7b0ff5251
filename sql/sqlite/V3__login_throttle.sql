-- Failed logins, kept 15 minutes: throttling reads them, so it holds across every node that
-- shares the database. Successful logins are never written here.
CREATE TABLE login_failures (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  email          TEXT    NOT NULL,
  client_address TEXT    NOT NULL,
  failed_at      INTEGER NOT NULL
);
CREATE INDEX ix_login_failures_email ON login_failures (email, failed_at);
CREATE INDEX ix_login_failures_address ON login_failures (client_address, failed_at);
CREATE INDEX ix_login_failures_failed_at ON login_failures (failed_at);
