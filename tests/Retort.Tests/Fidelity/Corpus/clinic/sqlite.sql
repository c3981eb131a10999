-- clinic: as SQLAlchemy emits it for SQLite (MetaData naming convention, a few constraints from before the convention)

CREATE TABLE "user" (
	id INTEGER NOT NULL, 
	username VARCHAR(50) NOT NULL, 
	email VARCHAR(255) NOT NULL, 
	is_admin BOOLEAN DEFAULT 0 NOT NULL, 
	last_login_at TIMESTAMP, 
	created_at TIMESTAMP DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	CONSTRAINT pk_user PRIMARY KEY (id), 
	CONSTRAINT uq_user_username UNIQUE (username)
);
CREATE UNIQUE INDEX ix_user_email_lower ON "user" (lower(email));

CREATE TABLE departments (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	code CHAR(3) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	CONSTRAINT uq_departments_name UNIQUE (name), 
	UNIQUE (code)
);

CREATE TABLE rooms (
	id INTEGER NOT NULL, 
	department_id INTEGER NOT NULL, 
	number VARCHAR(10) NOT NULL, 
	floor SMALLINT DEFAULT 0 NOT NULL, 
	CONSTRAINT pk_rooms PRIMARY KEY (id), 
	CONSTRAINT uq_rooms_department_id UNIQUE (department_id, number), 
	CONSTRAINT fk_rooms_department_id_departments FOREIGN KEY(department_id) REFERENCES departments (id) ON DELETE CASCADE
);

CREATE TABLE practitioners (
	id INTEGER NOT NULL, 
	user_id INTEGER, 
	department_id INTEGER DEFAULT 1 NOT NULL, 
	full_name VARCHAR(200) NOT NULL, 
	license_no VARCHAR(30) NOT NULL, 
	CONSTRAINT pk_practitioners PRIMARY KEY (id), 
	CONSTRAINT uq_practitioners_license_no UNIQUE (license_no), 
	UNIQUE (user_id), 
	CONSTRAINT fk_practitioners_user_id_user FOREIGN KEY(user_id) REFERENCES "user" (id) ON DELETE SET NULL, 
	FOREIGN KEY(department_id) REFERENCES departments (id) ON DELETE SET DEFAULT
);

CREATE TABLE patients (
	id INTEGER NOT NULL, 
	public_id CHAR(36) NOT NULL, 
	mrn VARCHAR(20) NOT NULL, 
	first_name VARCHAR(100) NOT NULL, 
	last_name VARCHAR(100) NOT NULL, 
	birth_date DATE NOT NULL, 
	sex CHAR(1) NOT NULL, 
	height_cm DOUBLE PRECISION, 
	email VARCHAR(255), 
	extra JSON, 
	created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	CONSTRAINT pk_patients PRIMARY KEY (id), 
	CONSTRAINT uq_patients_public_id UNIQUE (public_id), 
	CONSTRAINT uq_patients_mrn UNIQUE (mrn), 
	CONSTRAINT ck_patients_sex CHECK (sex IN ('F', 'M', 'X'))
);
CREATE INDEX ix_patients_last_name ON patients (last_name, first_name);

CREATE TABLE appointments (
	id INTEGER NOT NULL, 
	patient_id BIGINT NOT NULL, 
	practitioner_id INTEGER NOT NULL, 
	room_id INTEGER, 
	starts_at DATETIME NOT NULL, 
	ends_at DATETIME NOT NULL, 
	status VARCHAR(20) DEFAULT 'scheduled' NOT NULL, 
	reason TEXT, 
	CONSTRAINT pk_appointments PRIMARY KEY (id), 
	CONSTRAINT ck_appointments_ends_after_start CHECK (ends_at > starts_at), 
	CHECK (status IN ('scheduled', 'done', 'cancelled', 'no_show')), 
	CONSTRAINT fk_appointments_patient_id_patients FOREIGN KEY(patient_id) REFERENCES patients (id) ON DELETE CASCADE, 
	CONSTRAINT fk_appointments_practitioner_id_practitioners FOREIGN KEY(practitioner_id) REFERENCES practitioners (id) ON DELETE RESTRICT, 
	FOREIGN KEY(room_id) REFERENCES rooms (id) ON DELETE SET NULL
);
CREATE INDEX ix_appointments_patient_id ON appointments (patient_id);
CREATE INDEX ix_appointments_practitioner_id ON appointments (practitioner_id, starts_at);
CREATE INDEX ix_appointments_room_id ON appointments (room_id);
CREATE INDEX ix_appointments_scheduled ON appointments (starts_at) WHERE status = 'scheduled';

CREATE TABLE "order" (
	id INTEGER NOT NULL, 
	appointment_id BIGINT NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	priority SMALLINT DEFAULT 3 NOT NULL CHECK (priority BETWEEN 1 AND 5), 
	ordered_at TIMESTAMP DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	result JSON, 
	CONSTRAINT pk_order PRIMARY KEY (id), 
	CONSTRAINT fk_order_appointment_id_appointments FOREIGN KEY(appointment_id) REFERENCES appointments (id) ON DELETE CASCADE
);
CREATE INDEX ix_order_appointment_id ON "order" (appointment_id);

CREATE TABLE invoices (
	id INTEGER NOT NULL, 
	patient_id BIGINT NOT NULL, 
	number VARCHAR(20) NOT NULL, 
	issued_on DATE DEFAULT (CURRENT_DATE) NOT NULL, 
	paid BOOLEAN DEFAULT 0 NOT NULL, 
	total NUMERIC(12, 2) DEFAULT 0 NOT NULL, 
	CONSTRAINT pk_invoices PRIMARY KEY (id), 
	CONSTRAINT uq_invoices_number UNIQUE (number), 
	CONSTRAINT fk_invoices_patient_id_patients FOREIGN KEY(patient_id) REFERENCES patients (id) ON DELETE NO ACTION
);
CREATE INDEX ix_invoices_patient_id ON invoices (patient_id);

CREATE TABLE invoice_lines (
	invoice_id INTEGER NOT NULL, 
	line_no INTEGER NOT NULL, 
	description VARCHAR(200) NOT NULL, 
	quantity INTEGER DEFAULT 1 NOT NULL, 
	"unit price" NUMERIC(10, 2) NOT NULL, 
	CONSTRAINT pk_invoice_lines PRIMARY KEY (invoice_id, line_no), 
	CONSTRAINT ck_invoice_lines_quantity_positive CHECK (quantity > 0), 
	CHECK ("unit price" >= 0), 
	CONSTRAINT fk_invoice_lines_invoice_id_invoices FOREIGN KEY(invoice_id) REFERENCES invoices (id) ON DELETE CASCADE
);

CREATE TABLE settings (
	"group" VARCHAR(50) NOT NULL, 
	"key" VARCHAR(100) NOT NULL, 
	value TEXT, 
	updated_by INTEGER, 
	updated_at DATETIME, 
	CONSTRAINT pk_settings PRIMARY KEY ("group", "key"), 
	CONSTRAINT fk_settings_updated_by_user FOREIGN KEY(updated_by) REFERENCES "user" (id) ON DELETE SET NULL
);

CREATE TABLE audit_log (
	id INTEGER NOT NULL, 
	user_id INTEGER, 
	action VARCHAR(50) NOT NULL, 
	payload JSON NOT NULL, 
	logged_at TIMESTAMP DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	CONSTRAINT pk_audit_log PRIMARY KEY (id), 
	CONSTRAINT fk_audit_log_user_id_user FOREIGN KEY(user_id) REFERENCES "user" (id)
);
CREATE INDEX ix_audit_log_user_id ON audit_log (user_id);
