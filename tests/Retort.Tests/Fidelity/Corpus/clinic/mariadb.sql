-- clinic: as SQLAlchemy emits it for MariaDB (MetaData naming convention, a few constraints from before the convention)

CREATE TABLE `user` (
	id INTEGER NOT NULL AUTO_INCREMENT, 
	username VARCHAR(50) NOT NULL, 
	email VARCHAR(255) NOT NULL, 
	is_admin BOOL DEFAULT false NOT NULL, 
	last_login_at TIMESTAMP NULL, 
	created_at TIMESTAMP DEFAULT now() NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_user_username UNIQUE (username)
)COMMENT='Staff accounts that can sign in' ENGINE=InnoDB;

CREATE TABLE departments (
	id INTEGER NOT NULL AUTO_INCREMENT, 
	code CHAR(3) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_departments_name UNIQUE (name), 
	UNIQUE (code)
)ENGINE=InnoDB;

CREATE TABLE rooms (
	id INTEGER NOT NULL AUTO_INCREMENT, 
	department_id INTEGER NOT NULL, 
	number VARCHAR(10) NOT NULL, 
	floor SMALLINT DEFAULT 0 NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_rooms_department_id UNIQUE (department_id, number), 
	CONSTRAINT fk_rooms_department_id_departments FOREIGN KEY(department_id) REFERENCES departments (id) ON DELETE CASCADE
)ENGINE=InnoDB;

CREATE TABLE practitioners (
	id INTEGER NOT NULL AUTO_INCREMENT, 
	user_id INTEGER, 
	department_id INTEGER DEFAULT 1 NOT NULL COMMENT 'Department 1 is the general practice', 
	full_name VARCHAR(200) NOT NULL, 
	license_no VARCHAR(30) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_practitioners_license_no UNIQUE (license_no), 
	UNIQUE (user_id), 
	CONSTRAINT fk_practitioners_user_id_user FOREIGN KEY(user_id) REFERENCES `user` (id) ON DELETE SET NULL, 
	FOREIGN KEY(department_id) REFERENCES departments (id) ON DELETE RESTRICT
)ENGINE=InnoDB;

CREATE TABLE patients (
	id BIGINT NOT NULL AUTO_INCREMENT, 
	public_id CHAR(36) NOT NULL, 
	mrn VARCHAR(20) NOT NULL COMMENT 'Medical record number', 
	first_name VARCHAR(100) NOT NULL, 
	last_name VARCHAR(100) NOT NULL, 
	birth_date DATE NOT NULL, 
	sex CHAR(1) NOT NULL, 
	height_cm DOUBLE, 
	email VARCHAR(255), 
	extra JSON, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_patients_public_id UNIQUE (public_id), 
	CONSTRAINT uq_patients_mrn UNIQUE (mrn), 
	CONSTRAINT ck_patients_sex CHECK (sex IN ('F', 'M', 'X'))
)COMMENT='Everyone who has been seen at the clinic' ENGINE=InnoDB;
CREATE INDEX ix_patients_last_name ON patients (last_name, first_name);

CREATE TABLE appointments (
	id BIGINT NOT NULL AUTO_INCREMENT, 
	patient_id BIGINT NOT NULL, 
	practitioner_id INTEGER NOT NULL, 
	room_id INTEGER, 
	starts_at DATETIME NOT NULL, 
	ends_at DATETIME NOT NULL, 
	status VARCHAR(20) DEFAULT 'scheduled' NOT NULL, 
	reason TEXT, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_appointments_ends_after_start CHECK (ends_at > starts_at), 
	CHECK (status IN ('scheduled', 'done', 'cancelled', 'no_show')), 
	CONSTRAINT fk_appointments_patient_id_patients FOREIGN KEY(patient_id) REFERENCES patients (id) ON DELETE CASCADE, 
	CONSTRAINT fk_appointments_practitioner_id_practitioners FOREIGN KEY(practitioner_id) REFERENCES practitioners (id) ON DELETE RESTRICT, 
	FOREIGN KEY(room_id) REFERENCES rooms (id) ON DELETE SET NULL
)ENGINE=InnoDB;
CREATE INDEX ix_appointments_patient_id ON appointments (patient_id);
CREATE INDEX ix_appointments_practitioner_id ON appointments (practitioner_id, starts_at);
CREATE INDEX ix_appointments_room_id ON appointments (room_id);
CREATE INDEX ix_appointments_scheduled ON appointments (starts_at);

CREATE TABLE `order` (
	id INTEGER NOT NULL AUTO_INCREMENT, 
	appointment_id BIGINT NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	priority SMALLINT DEFAULT 3 NOT NULL CHECK (priority BETWEEN 1 AND 5), 
	ordered_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	result JSON, 
	PRIMARY KEY (id), 
	CONSTRAINT fk_order_appointment_id_appointments FOREIGN KEY(appointment_id) REFERENCES appointments (id) ON DELETE CASCADE
)COMMENT='Lab and imaging orders' ENGINE=InnoDB;
CREATE INDEX ix_order_appointment_id ON `order` (appointment_id);

CREATE TABLE invoices (
	id INTEGER NOT NULL AUTO_INCREMENT, 
	patient_id BIGINT NOT NULL, 
	number VARCHAR(20) NOT NULL, 
	issued_on DATE DEFAULT (CURRENT_DATE) NOT NULL, 
	paid BOOL DEFAULT false NOT NULL, 
	total NUMERIC(12, 2) DEFAULT 0 NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_invoices_number UNIQUE (number), 
	CONSTRAINT fk_invoices_patient_id_patients FOREIGN KEY(patient_id) REFERENCES patients (id) ON DELETE NO ACTION
)ENGINE=InnoDB;
CREATE INDEX ix_invoices_patient_id ON invoices (patient_id);

CREATE TABLE invoice_lines (
	invoice_id INTEGER NOT NULL, 
	line_no INTEGER NOT NULL, 
	description VARCHAR(200) NOT NULL, 
	quantity INTEGER DEFAULT 1 NOT NULL, 
	`unit price` NUMERIC(10, 2) NOT NULL COMMENT 'Price of one unit before tax', 
	PRIMARY KEY (invoice_id, line_no), 
	CONSTRAINT ck_invoice_lines_quantity_positive CHECK (quantity > 0), 
	CHECK (`unit price` >= 0), 
	CONSTRAINT fk_invoice_lines_invoice_id_invoices FOREIGN KEY(invoice_id) REFERENCES invoices (id) ON DELETE CASCADE
)ENGINE=InnoDB;

CREATE TABLE settings (
	`group` VARCHAR(50) NOT NULL, 
	`key` VARCHAR(100) NOT NULL, 
	value TEXT, 
	updated_by INTEGER, 
	updated_at DATETIME, 
	PRIMARY KEY (`group`, `key`), 
	CONSTRAINT fk_settings_updated_by_user FOREIGN KEY(updated_by) REFERENCES `user` (id) ON DELETE SET NULL
)ENGINE=InnoDB;

CREATE TABLE audit_log (
	id BIGINT NOT NULL AUTO_INCREMENT, 
	user_id INTEGER, 
	action VARCHAR(50) NOT NULL, 
	payload JSON NOT NULL, 
	logged_at TIMESTAMP DEFAULT now() NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT fk_audit_log_user_id_user FOREIGN KEY(user_id) REFERENCES `user` (id)
)ENGINE=InnoDB;
CREATE INDEX ix_audit_log_user_id ON audit_log (user_id);
