-- shop: written by hand by a DBA, constraints unnamed, the database picks the names

CREATE TABLE countries (
  code CHAR(2) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL UNIQUE
) ENGINE=InnoDB;

CREATE TABLE customers (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NOT NULL UNIQUE,
  full_name VARCHAR(200) NOT NULL,
  country_code CHAR(2) NULL,
  is_active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  deleted_at DATETIME NULL,
  KEY customers_active_idx (created_at),
  FOREIGN KEY (country_code) REFERENCES countries (code) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='People who buy things';

CREATE TABLE categories (
  id INT NOT NULL AUTO_INCREMENT,
  parent_id INT,
  name VARCHAR(100) NOT NULL,
  slug VARCHAR(100) NOT NULL,
  sort_order SMALLINT NOT NULL DEFAULT 0 CHECK (sort_order >= 0),
  PRIMARY KEY (id),
  UNIQUE (slug),
  FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE products (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku VARCHAR(32) NOT NULL UNIQUE COMMENT 'Stock keeping unit, printed on the label',
  name VARCHAR(200) NOT NULL,
  description TEXT,
  category_id INT NOT NULL,
  price DECIMAL(10,2) NOT NULL CHECK (price >= 0),
  weight_kg FLOAT COMMENT 'Shipping weight in kilograms',
  stock INT NOT NULL DEFAULT '0' CHECK (stock >= 0),
  status VARCHAR(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discontinued', 'draft')),
  attributes JSON,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY products_category_id_idx (category_id),
  FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE RESTRICT
) ENGINE=InnoDB COMMENT='Things we sell';

CREATE TABLE addresses (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT NOT NULL,
  line1 VARCHAR(200) NOT NULL,
  line2 VARCHAR(200) DEFAULT NULL,
  city VARCHAR(100) NOT NULL,
  postal_code VARCHAR(20) DEFAULT NULL,
  country_code CHAR(2) NOT NULL,
  is_default BOOLEAN NOT NULL DEFAULT FALSE,
  KEY addresses_customer_id_idx (customer_id),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
  FOREIGN KEY (country_code) REFERENCES countries (code) ON UPDATE CASCADE
) ENGINE=InnoDB;

CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT,
  customer_id INT NOT NULL,
  shipping_address_id INT,
  status VARCHAR(20) NOT NULL DEFAULT 'pending',
  currency CHAR(3) NOT NULL DEFAULT 'EUR',
  placed_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  shipped_at DATETIME(6),
  total DECIMAL(12,2) NOT NULL DEFAULT 0.00 CHECK (total >= 0),
  notes LONGTEXT,
  PRIMARY KEY (id),
  KEY orders_customer_id_idx (customer_id),
  KEY orders_unshipped_idx (placed_at),
  CHECK (shipped_at IS NULL OR shipped_at >= placed_at),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT,
  FOREIGN KEY (shipping_address_id) REFERENCES addresses (id) ON DELETE SET NULL
) ENGINE=InnoDB;

CREATE TABLE order_items (
  order_id BIGINT NOT NULL,
  line_no SMALLINT NOT NULL,
  product_id BIGINT NOT NULL,
  quantity INT NOT NULL CHECK (quantity BETWEEN 1 AND 100),
  unit_price DECIMAL(10,2) NOT NULL,
  discount DECIMAL(10,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (order_id, line_no),
  KEY order_items_product_id_idx (product_id),
  CHECK (discount >= 0 AND discount <= unit_price),
  FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE NO ACTION
) ENGINE=InnoDB;

CREATE TABLE payments (
  id UUID NOT NULL PRIMARY KEY,
  order_id BIGINT NOT NULL,
  amount DECIMAL(10,2) NOT NULL CHECK (amount > 0),
  method VARCHAR(20) NOT NULL,
  provider_ref VARCHAR(100) UNIQUE,
  paid_at TIMESTAMP(6) NOT NULL DEFAULT current_timestamp(6),
  KEY payments_order_id_idx (order_id),
  FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE reviews (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id BIGINT NOT NULL,
  customer_id INT,
  rating SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body MEDIUMTEXT,
  created_at DATETIME NOT NULL DEFAULT current_timestamp(),
  UNIQUE (product_id, customer_id),
  FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE SET NULL
) ENGINE=InnoDB;

CREATE TABLE product_images (
  id int(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id BIGINT NOT NULL,
  position SMALLINT NOT NULL DEFAULT 1,
  data LONGBLOB NOT NULL,
  alt_text VARCHAR(200),
  UNIQUE KEY product_images_product_position_idx (product_id, position),
  FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE VIEW active_products AS SELECT id, sku, name, price FROM products WHERE status = 'active';
