-- shop: written by hand by a DBA, constraints inline and unnamed

CREATE TABLE countries (
    code CHAR(2) NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE
);

CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    email VARCHAR(255) NOT NULL UNIQUE,
    full_name VARCHAR(200) NOT NULL,
    country_code CHAR(2) REFERENCES countries (code) ON DELETE SET NULL,
    is_active BOOLEAN NOT NULL DEFAULT 1,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at DATETIME
);
CREATE INDEX customers_lower_email_idx ON customers (lower(email));
CREATE INDEX customers_active_idx ON customers (created_at) WHERE deleted_at IS NULL;

CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id INT REFERENCES categories ON DELETE CASCADE,
    name VARCHAR(100) NOT NULL,
    slug VARCHAR(100) NOT NULL UNIQUE,
    sort_order SMALLINT NOT NULL DEFAULT 0 CHECK (sort_order >= 0)
);

CREATE TABLE products (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sku VARCHAR(32) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL,
    description TEXT,
    category_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
    price DECIMAL(10,2) NOT NULL CHECK (price >= 0),
    weight_kg FLOAT,
    stock INT NOT NULL DEFAULT 0 CHECK (stock >= 0),
    status VARCHAR(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discontinued', 'draft')),
    attributes JSON,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX products_category_id_idx ON products (category_id);

CREATE TABLE addresses (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers ON DELETE CASCADE,
    line1 VARCHAR(200) NOT NULL,
    line2 VARCHAR(200),
    city VARCHAR(100) NOT NULL,
    postal_code VARCHAR(20),
    country_code CHAR(2) NOT NULL REFERENCES countries ON UPDATE CASCADE,
    is_default BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX addresses_customer_id_idx ON addresses (customer_id);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    shipping_address_id INTEGER REFERENCES addresses (id) ON DELETE SET NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'pending',
    currency CHAR(3) NOT NULL DEFAULT 'EUR',
    placed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    shipped_at DATETIME,
    total NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (total >= 0),
    notes TEXT,
    CHECK (shipped_at IS NULL OR shipped_at >= placed_at)
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_unshipped_idx ON orders (placed_at) WHERE shipped_at IS NULL;

CREATE TABLE order_items (
    order_id BIGINT NOT NULL REFERENCES orders ON DELETE CASCADE,
    line_no SMALLINT NOT NULL,
    product_id BIGINT NOT NULL REFERENCES products ON DELETE NO ACTION,
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    unit_price NUMERIC(10,2) NOT NULL,
    discount NUMERIC(10,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, line_no),
    CHECK (discount >= 0 AND discount <= unit_price)
);
CREATE INDEX order_items_product_id_idx ON order_items (product_id);

CREATE TABLE payments (
    id CHAR(36) NOT NULL PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders ON DELETE CASCADE,
    amount DECIMAL(10,2) NOT NULL CHECK (amount > 0),
    method VARCHAR(20) NOT NULL,
    provider_ref VARCHAR(100) UNIQUE,
    paid_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX payments_order_id_idx ON payments (order_id);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    product_id BIGINT NOT NULL REFERENCES products ON DELETE CASCADE,
    customer_id INTEGER REFERENCES customers ON DELETE SET NULL,
    rating SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body TEXT,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (product_id, customer_id)
);

CREATE TABLE product_images (
    id INTEGER PRIMARY KEY,
    product_id BIGINT NOT NULL REFERENCES products ON DELETE CASCADE,
    position SMALLINT NOT NULL DEFAULT 1,
    data BLOB NOT NULL,
    alt_text VARCHAR(200)
);
CREATE UNIQUE INDEX product_images_product_position_idx ON product_images (product_id, position);

CREATE VIEW active_products AS SELECT id, sku, name, price FROM products WHERE status = 'active';
