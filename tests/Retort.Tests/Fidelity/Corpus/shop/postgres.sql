-- shop: written by hand by a DBA, constraints inline and unnamed, the database picks the names

CREATE TABLE countries (
    code char(2) PRIMARY KEY,
    name varchar(100) NOT NULL UNIQUE
);

CREATE TABLE customers (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    full_name varchar(200) NOT NULL,
    country_code char(2) REFERENCES countries (code) ON DELETE SET NULL,
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamp NOT NULL DEFAULT now(),
    deleted_at timestamp
);
COMMENT ON TABLE customers IS 'People who buy things';
CREATE INDEX customers_lower_email_idx ON customers (lower(email));
CREATE INDEX customers_active_idx ON customers (created_at) WHERE deleted_at IS NULL;

CREATE TABLE categories (
    id serial PRIMARY KEY,
    parent_id int REFERENCES categories ON DELETE CASCADE,
    name character varying(100) NOT NULL,
    slug varchar(100) NOT NULL UNIQUE,
    sort_order smallint NOT NULL DEFAULT 0 CHECK (sort_order >= 0)
);

CREATE TABLE products (
    id bigserial PRIMARY KEY,
    sku varchar(32) NOT NULL UNIQUE,
    name varchar(200) NOT NULL,
    description text,
    category_id integer NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
    price numeric(10,2) NOT NULL CHECK (price >= 0),
    weight_kg real,
    stock int4 NOT NULL DEFAULT 0 CHECK (stock >= 0),
    status varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discontinued', 'draft')),
    attributes jsonb,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
COMMENT ON TABLE products IS 'Things we sell';
COMMENT ON COLUMN products.sku IS 'Stock keeping unit, printed on the label';
COMMENT ON COLUMN products.weight_kg IS 'Shipping weight in kilograms';
CREATE INDEX products_category_id_idx ON products (category_id);

CREATE TABLE addresses (
    id serial PRIMARY KEY,
    customer_id int NOT NULL REFERENCES customers ON DELETE CASCADE,
    line1 varchar(200) NOT NULL,
    line2 varchar(200),
    city varchar(100) NOT NULL,
    postal_code varchar(20),
    country_code char(2) NOT NULL REFERENCES countries ON UPDATE CASCADE,
    is_default bool NOT NULL DEFAULT false
);
CREATE INDEX addresses_customer_id_idx ON addresses (customer_id);

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    shipping_address_id integer REFERENCES addresses (id) ON DELETE SET NULL,
    status varchar(20) NOT NULL DEFAULT 'pending',
    currency char(3) NOT NULL DEFAULT 'EUR',
    placed_at timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    shipped_at timestamp(6),
    total numeric(12,2) NOT NULL DEFAULT 0 CHECK (total >= 0),
    notes text,
    CHECK (shipped_at IS NULL OR shipped_at >= placed_at)
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_unshipped_idx ON orders (placed_at) WHERE shipped_at IS NULL;

CREATE TABLE order_items (
    order_id bigint NOT NULL REFERENCES orders ON DELETE CASCADE,
    line_no smallint NOT NULL,
    product_id bigint NOT NULL REFERENCES products ON DELETE NO ACTION,
    quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    unit_price numeric(10,2) NOT NULL,
    discount numeric(10,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, line_no),
    CHECK (discount >= 0 AND discount <= unit_price)
);
CREATE INDEX order_items_product_id_idx ON order_items (product_id);

CREATE TABLE payments (
    id uuid PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders ON DELETE CASCADE,
    amount numeric(10,2) NOT NULL CHECK (amount > 0),
    method varchar(20) NOT NULL,
    provider_ref varchar(100) UNIQUE,
    paid_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_order_id_idx ON payments (order_id);

CREATE TABLE reviews (
    id serial PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products ON DELETE CASCADE,
    customer_id int REFERENCES customers ON DELETE SET NULL,
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body text,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (product_id, customer_id)
);

CREATE TABLE product_images (
    id serial PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products ON DELETE CASCADE,
    position smallint NOT NULL DEFAULT 1,
    data bytea NOT NULL,
    alt_text varchar(200)
);
CREATE UNIQUE INDEX product_images_product_position_idx ON product_images (product_id, position);

CREATE VIEW active_products AS SELECT id, sku, name, price FROM products WHERE status = 'active';
