// The clinic schema: DDL as SQLAlchemy emits it (naming convention fk_/uq_/ck_/ix_/pk_, some constraints unnamed),
// with reserved words ("user", "order", "group", "key") and a name with a space ("unit price").
// mariadb: fk practitioners.department_id uses RESTRICT instead of SET DEFAULT
// (MariaDB has no expression or partial indexes: its DDL leaves out ix_user_email_lower and creates
// ix_appointments_scheduled without its WHERE.)
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Text.Json;
using Retort;

namespace Retort.Tests.Fidelity.Corpus.Clinic;

[Table("user"), Comment("Staff accounts that can sign in")]
[Index("(lower(email))", Name = "ix_user_email_lower", Unique = true)]
public class User
{
    [Key, Column("id")] public int Id { get; set; }
    [Column("username"), MaxLength(50), Unique(Name = "uq_user_username")] public string Username { get; set; } = "";
    [Column("email"), MaxLength(255)] public string Email { get; set; } = "";
    [Column("is_admin"), ServerDefault("false")] public bool IsAdmin { get; set; }
    [Column("last_login_at")] public DateTimeOffset? LastLoginAt { get; set; }
    [Column("created_at"), ServerDefault("CURRENT_TIMESTAMP")] public DateTimeOffset CreatedAt { get; set; }
}

[Table("departments")]
public class Department
{
    [Key, Column("id")] public int Id { get; set; }
    [Column("code", TypeName = "char(3)"), Unique] public string Code { get; set; } = "";
    [Column("name"), MaxLength(100), Unique(Name = "uq_departments_name")] public string Name { get; set; } = "";
}

[Table("rooms")]
[Unique(nameof(DepartmentId), nameof(Number), Name = "uq_rooms_department_id")]
public class Room
{
    [Key, Column("id")] public int Id { get; set; }

    [Column("department_id"), ForeignKey(nameof(Department)), OnDelete("CASCADE")] public int DepartmentId { get; set; }
    public Department? Department { get; set; }

    [Column("number"), MaxLength(10)] public string Number { get; set; } = "";
    [Column("floor"), ServerDefault("0")] public short Floor { get; set; }
}

[Table("practitioners")]
public class Practitioner
{
    [Key, Column("id")] public int Id { get; set; }

    [Column("user_id"), Unique, ForeignKey(nameof(User)), OnDelete("SET NULL")] public int? UserId { get; set; }
    public User? User { get; set; }

    [Column("department_id"), ServerDefault("1"), Comment("Department 1 is the general practice")]
    [ForeignKey(nameof(Department)), OnDelete("SET DEFAULT")]
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }

    [Column("full_name"), MaxLength(200)] public string FullName { get; set; } = "";
    [Column("license_no"), MaxLength(30), Unique(Name = "uq_practitioners_license_no")] public string LicenseNo { get; set; } = "";
}

[Table("patients"), Comment("Everyone who has been seen at the clinic")]
[Index(nameof(LastName), nameof(FirstName), Name = "ix_patients_last_name")]
[Check("sex IN ('F', 'M', 'X')", Name = "ck_patients_sex")]
public class Patient
{
    [Key, Column("id")] public long Id { get; set; }
    [Column("public_id"), Unique(Name = "uq_patients_public_id")] public Guid PublicId { get; set; }
    [Column("mrn"), MaxLength(20), Unique(Name = "uq_patients_mrn"), Comment("Medical record number")] public string Mrn { get; set; } = "";
    [Column("first_name"), MaxLength(100)] public string FirstName { get; set; } = "";
    [Column("last_name"), MaxLength(100)] public string LastName { get; set; } = "";
    [Column("birth_date")] public DateOnly BirthDate { get; set; }
    [Column("sex", TypeName = "char(1)")] public string Sex { get; set; } = "";
    [Column("height_cm")] public double? HeightCm { get; set; }
    [Column("email"), MaxLength(255)] public string? Email { get; set; }
    [Column("extra")] public JsonDocument? Extra { get; set; }
    [Column("created_at"), ServerDefault("CURRENT_TIMESTAMP")] public DateTime CreatedAt { get; set; }
}

[Table("appointments")]
[Index(nameof(PractitionerId), nameof(StartsAt), Name = "ix_appointments_practitioner_id")]
[Check("ends_at > starts_at", Name = "ck_appointments_ends_after_start")]
[Check("status IN ('scheduled', 'done', 'cancelled', 'no_show')")]
public class Appointment
{
    [Key, Column("id")] public long Id { get; set; }

    [Column("patient_id"), ForeignKey(nameof(Patient)), OnDelete("CASCADE"), Index(Name = "ix_appointments_patient_id")]
    public long PatientId { get; set; }
    public Patient? Patient { get; set; }

    [Column("practitioner_id"), ForeignKey(nameof(Practitioner)), OnDelete("RESTRICT")] public int PractitionerId { get; set; }
    public Practitioner? Practitioner { get; set; }

    [Column("room_id"), ForeignKey(nameof(Room)), OnDelete("SET NULL"), Index(Name = "ix_appointments_room_id")]
    public int? RoomId { get; set; }
    public Room? Room { get; set; }

    [Column("starts_at"), Index(Name = "ix_appointments_scheduled", Filter = "status = 'scheduled'")]
    public DateTime StartsAt { get; set; }

    [Column("ends_at")] public DateTime EndsAt { get; set; }
    [Column("status"), MaxLength(20), ServerDefault("'scheduled'")] public string Status { get; set; } = "";
    [Column("reason")] public string? Reason { get; set; }
}

[Table("order"), Comment("Lab and imaging orders")]
public class Order
{
    [Key, Column("id")] public int Id { get; set; }

    [Column("appointment_id"), ForeignKey(nameof(Appointment)), OnDelete("CASCADE"), Index(Name = "ix_order_appointment_id")]
    public long AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }

    [Column("kind"), MaxLength(20)] public string Kind { get; set; } = "";
    [Column("priority"), ServerDefault("3"), Check("priority BETWEEN 1 AND 5")] public short Priority { get; set; }
    [Column("ordered_at"), ServerDefault("CURRENT_TIMESTAMP")] public DateTimeOffset OrderedAt { get; set; }
    [Column("result")] public JsonDocument? Result { get; set; }
}

[Table("invoices")]
public class Invoice
{
    [Key, Column("id")] public int Id { get; set; }

    [Column("patient_id"), ForeignKey(nameof(Patient)), OnDelete("NO ACTION"), Index(Name = "ix_invoices_patient_id")]
    public long PatientId { get; set; }
    public Patient? Patient { get; set; }

    [Column("number"), MaxLength(20), Unique(Name = "uq_invoices_number")] public string Number { get; set; } = "";
    [Column("issued_on"), ServerDefault("CURRENT_DATE")] public DateOnly IssuedOn { get; set; }
    [Column("paid"), ServerDefault("false")] public bool Paid { get; set; }
    [Column("total"), Precision(12, 2), ServerDefault("0")] public decimal Total { get; set; }
}

[Table("invoice_lines")]
[Check("quantity > 0", Name = "ck_invoice_lines_quantity_positive")]
[Check("\"unit price\" >= 0")]
public class InvoiceLine
{
    [Key, Column("invoice_id", Order = 0), ForeignKey(nameof(Invoice)), OnDelete("CASCADE")] public int InvoiceId { get; set; }
    public Invoice? Invoice { get; set; }

    [Key, Column("line_no", Order = 1)] public int LineNo { get; set; }
    [Column("description"), MaxLength(200)] public string Description { get; set; } = "";
    [Column("quantity"), ServerDefault("1")] public int Quantity { get; set; }
    [Column("unit price"), Precision(10, 2), Comment("Price of one unit before tax")] public decimal UnitPrice { get; set; }
}

[Table("settings")]
public class Setting
{
    [Key, Column("group", Order = 0), MaxLength(50)] public string Group { get; set; } = "";
    [Key, Column("key", Order = 1), MaxLength(100)] public string Key { get; set; } = "";
    [Column("value")] public string? Value { get; set; }

    [Column("updated_by"), ForeignKey(nameof(UpdatedByUser)), OnDelete("SET NULL")] public int? UpdatedBy { get; set; }
    public User? UpdatedByUser { get; set; }

    [Column("updated_at")] public DateTime? UpdatedAt { get; set; }
}

[Table("audit_log")]
public class AuditLogEntry
{
    [Key, Column("id")] public long Id { get; set; }

    [Column("user_id"), ForeignKey(nameof(User)), Index(Name = "ix_audit_log_user_id")] public int? UserId { get; set; }
    public User? User { get; set; }

    [Column("action"), MaxLength(50)] public string Action { get; set; } = "";
    [Column("payload")] public JsonDocument Payload { get; set; } = null!;
    [Column("logged_at"), ServerDefault("CURRENT_TIMESTAMP")] public DateTimeOffset LoggedAt { get; set; }
}
