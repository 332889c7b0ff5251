-- Schema of the e-commerce service, MySQL/MariaDB flavour (the SQLite flavour in sql/sqlite is the same model).
-- Conventions: money in integer cents; every *_at column is microseconds since 1970-01-01T00:00:00Z (UTC).
-- utf8mb4_bin everywhere, so that text compares and sorts by code point exactly as SQLite does.

CREATE TABLE users (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  first_name    VARCHAR(50)  NOT NULL,
  last_name     VARCHAR(50)  NOT NULL,
  email         VARCHAR(254) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  role          VARCHAR(16)  NOT NULL DEFAULT 'customer',
  is_active     TINYINT      NOT NULL DEFAULT 1,
  timezone      VARCHAR(64)  NOT NULL DEFAULT 'UTC',
  last_login    BIGINT       NULL,
  created_at    BIGINT       NOT NULL,
  updated_at    BIGINT       NOT NULL,
  CONSTRAINT ck_users_role CHECK (role IN ('customer', 'admin')),
  CONSTRAINT ck_users_active CHECK (is_active IN (0, 1)),
  UNIQUE KEY ux_users_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE categories (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_name VARCHAR(50) NOT NULL,
  category_slug VARCHAR(50) NOT NULL,
  created_at    BIGINT      NOT NULL,
  UNIQUE KEY ux_categories_slug (category_slug)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE products (
  id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_name VARCHAR(50) NOT NULL,
  description  TEXT        NULL,
  category_id  BIGINT      NOT NULL,
  price_cents  BIGINT      NOT NULL,
  is_active    TINYINT     NOT NULL DEFAULT 1,
  created_at   BIGINT      NOT NULL,
  updated_at   BIGINT      NOT NULL,
  CONSTRAINT ck_products_price CHECK (price_cents > 0 AND price_cents <= 9999999999),
  CONSTRAINT ck_products_active CHECK (is_active IN (0, 1)),
  CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES categories (id),
  KEY ix_products_category (category_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Exactly one row per product: the current stock. Changed only by atomic, conditional updates.
CREATE TABLE inventories (
  product_id BIGINT NOT NULL PRIMARY KEY,
  quantity   BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT ck_inventories_quantity CHECK (quantity >= 0),
  CONSTRAINT fk_inventories_product FOREIGN KEY (product_id) REFERENCES products (id),
  KEY ix_inventories_quantity (quantity)
) ENGINE = InnoDB;

CREATE TABLE sales (
  id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     BIGINT NOT NULL,
  total_cents BIGINT NOT NULL,
  created_at  BIGINT NOT NULL,
  CONSTRAINT ck_sales_total CHECK (total_cents >= 0),
  CONSTRAINT fk_sales_user FOREIGN KEY (user_id) REFERENCES users (id),
  KEY ix_sales_created_at (created_at),
  KEY ix_sales_user (user_id)
) ENGINE = InnoDB;

-- created_at repeats the sale's instant so that analytics read one covering index, not a join.
CREATE TABLE sale_items (
  id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sale_id     BIGINT NOT NULL,
  product_id  BIGINT NOT NULL,
  quantity    BIGINT NOT NULL,
  price_cents BIGINT NOT NULL,
  created_at  BIGINT NOT NULL,
  CONSTRAINT ck_sale_items_quantity CHECK (quantity > 0),
  CONSTRAINT ck_sale_items_price CHECK (price_cents > 0),
  CONSTRAINT fk_sale_items_sale FOREIGN KEY (sale_id) REFERENCES sales (id),
  CONSTRAINT fk_sale_items_product FOREIGN KEY (product_id) REFERENCES products (id),
  KEY ix_sale_items_sale (sale_id),
  KEY ix_sale_items_analytics (created_at, product_id, quantity, price_cents)
) ENGINE = InnoDB;

-- Append-only ledger: every stock change, in and out. The stock always equals the sum of delta.
CREATE TABLE inventory_movements (
  id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id BIGINT      NOT NULL,
  delta      BIGINT      NOT NULL,
  reason     VARCHAR(16) NOT NULL,
  sale_id    BIGINT      NULL,
  user_id    BIGINT      NULL,
  created_at BIGINT      NOT NULL,
  CONSTRAINT ck_movements_delta CHECK (delta <> 0),
  CONSTRAINT ck_movements_reason CHECK (reason IN ('restock', 'sale')),
  CONSTRAINT fk_movements_product FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT fk_movements_sale FOREIGN KEY (sale_id) REFERENCES sales (id),
  CONSTRAINT fk_movements_user FOREIGN KEY (user_id) REFERENCES users (id),
  KEY ix_movements_product (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii;

-- Every issued access token; a token that is not here, revoked or expired is refused.
CREATE TABLE tokens (
  jti        CHAR(36) NOT NULL PRIMARY KEY,
  user_id    BIGINT   NOT NULL,
  issued_at  BIGINT   NOT NULL,
  expires_at BIGINT   NOT NULL,
  revoked_at BIGINT   NULL,
  CONSTRAINT fk_tokens_user FOREIGN KEY (user_id) REFERENCES users (id),
  KEY ix_tokens_user (user_id),
  KEY ix_tokens_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- Idempotency-Key of purchase_products: stored in the same transaction as the sale it produced.
CREATE TABLE idempotency_keys (
  user_id       BIGINT       NOT NULL,
  idem_key      VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  request_hash  CHAR(64)     NOT NULL,
  response_code INT          NOT NULL,
  response_body MEDIUMTEXT   NOT NULL,
  created_at    BIGINT       NOT NULL,
  PRIMARY KEY (user_id, idem_key),
  CONSTRAINT fk_idempotency_user FOREIGN KEY (user_id) REFERENCES users (id),
  KEY ix_idempotency_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
