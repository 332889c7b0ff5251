-- Schema of the e-commerce service, SQLite flavour (the MySQL flavour in sql/mysql is the same model).
-- Conventions: money in integer cents; every *_at column is microseconds since 1970-01-01T00:00:00Z (UTC).

CREATE TABLE users (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  first_name    TEXT    NOT NULL,
  last_name     TEXT    NOT NULL,
  email         TEXT    NOT NULL,               -- stored lower-cased
  password_hash TEXT    NOT NULL,               -- argon2id PHC string
  role          TEXT    NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'admin')),
  is_active     INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  timezone      TEXT    NOT NULL DEFAULT 'UTC',
  last_login    INTEGER,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);

CREATE TABLE categories (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  category_name TEXT    NOT NULL,
  category_slug TEXT    NOT NULL,
  created_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_categories_slug ON categories (category_slug);

CREATE TABLE products (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  product_name TEXT    NOT NULL,
  description  TEXT,
  category_id  INTEGER NOT NULL REFERENCES categories (id),
  price_cents  INTEGER NOT NULL CHECK (price_cents > 0 AND price_cents <= 9999999999),
  is_active    INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX ix_products_category ON products (category_id);

-- Exactly one row per product: the current stock. Changed only by atomic, conditional updates.
CREATE TABLE inventories (
  product_id INTEGER PRIMARY KEY REFERENCES products (id),
  quantity   INTEGER NOT NULL CHECK (quantity >= 0),
  updated_at INTEGER NOT NULL
);
CREATE INDEX ix_inventories_quantity ON inventories (quantity);

CREATE TABLE sales (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id     INTEGER NOT NULL REFERENCES users (id),
  total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
  created_at  INTEGER NOT NULL
);
CREATE INDEX ix_sales_created_at ON sales (created_at);
CREATE INDEX ix_sales_user ON sales (user_id);

-- created_at repeats the sale's instant so that analytics read one covering index, not a join.
CREATE TABLE sale_items (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  sale_id     INTEGER NOT NULL REFERENCES sales (id),
  product_id  INTEGER NOT NULL REFERENCES products (id),
  quantity    INTEGER NOT NULL CHECK (quantity > 0),
  price_cents INTEGER NOT NULL CHECK (price_cents > 0),
  created_at  INTEGER NOT NULL
);
CREATE INDEX ix_sale_items_sale ON sale_items (sale_id);
CREATE INDEX ix_sale_items_product ON sale_items (product_id);
CREATE INDEX ix_sale_items_analytics ON sale_items (created_at, product_id, quantity, price_cents);

-- Append-only ledger: every stock change, in and out. The stock always equals the sum of delta.
CREATE TABLE inventory_movements (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  product_id INTEGER NOT NULL REFERENCES products (id),
  delta      INTEGER NOT NULL CHECK (delta <> 0),
  reason     TEXT    NOT NULL CHECK (reason IN ('restock', 'sale')),
  sale_id    INTEGER REFERENCES sales (id),
  user_id    INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX ix_movements_product ON inventory_movements (product_id);
CREATE INDEX ix_movements_sale ON inventory_movements (sale_id);

-- Every issued access token; a token that is not here, revoked or expired is refused.
CREATE TABLE tokens (
  jti        TEXT    PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  issued_at  INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX ix_tokens_user ON tokens (user_id);
CREATE INDEX ix_tokens_expires ON tokens (expires_at);

-- Idempotency-Key of purchase_products: stored in the same transaction as the sale it produced.
CREATE TABLE idempotency_keys (
  user_id       INTEGER NOT NULL REFERENCES users (id),
  idem_key      TEXT    NOT NULL,
  request_hash  TEXT    NOT NULL,
  response_code INTEGER NOT NULL,
  response_body TEXT    NOT NULL,
  created_at    INTEGER NOT NULL,
  PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX ix_idempotency_created ON idempotency_keys (created_at);
