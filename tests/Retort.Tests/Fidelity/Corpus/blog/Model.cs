// The blog schema: DDL as EF Core migrations write it (Npgsql, Pomelo for MariaDB, Microsoft.Data.Sqlite): quoted
// PascalCase names, PK_/FK_/AK_/IX_/CK_ names, identity keys, a composite-key join table, __EFMigrationsHistory.
// (MariaDB has no partial indexes: its DDL creates IX_Posts_PublishedAt without its WHERE.)
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Text.Json;
using Retort;

namespace Retort.Tests.Fidelity.Corpus.Blog;

[Table("__EFMigrationsHistory")]
public class EfMigrationsHistory
{
    [Key, Column("MigrationId"), MaxLength(150)] public string MigrationId { get; set; } = "";
    [Column("ProductVersion"), MaxLength(32)] public string ProductVersion { get; set; } = "";
}

[Table("Authors")]
public class Author
{
    [Key, Column("AuthorId")] public int AuthorId { get; set; }
    [Column("DisplayName"), MaxLength(100)] public string DisplayName { get; set; } = "";
    [Column("Email"), MaxLength(256), Unique(Name = "AK_Authors_Email")] public string Email { get; set; } = "";
    [Column("Bio")] public string? Bio { get; set; }
    [Column("IsActive"), ServerDefault("true")] public bool IsActive { get; set; }
}

[Table("Tags")]
public class Tag
{
    [Key, Column("TagId")] public int TagId { get; set; }
    [Column("Name"), MaxLength(50), Index(Name = "IX_Tags_Name", Unique = true)] public string Name { get; set; } = "";
}

[Table("Blogs"), Comment("A blog and its settings")]
public class Blog
{
    [Key, Column("BlogId")] public int BlogId { get; set; }
    [Column("Url"), MaxLength(500), Unique(Name = "AK_Blogs_Url")] public string Url { get; set; } = "";
    [Column("Title"), MaxLength(200)] public string Title { get; set; } = "";

    [Column("OwnerId"), ForeignKey(nameof(Owner)), OnDelete("SET NULL"), Index(Name = "IX_Blogs_OwnerId")]
    public int? OwnerId { get; set; }
    public Author? Owner { get; set; }

    [Column("Rating")] public double? Rating { get; set; }
    [Column("CreatedAt"), ServerDefault("CURRENT_TIMESTAMP")] public DateTime CreatedAt { get; set; }
}

[Table("Posts")]
[Index(nameof(BlogId), nameof(Slug), Name = "IX_Posts_BlogId_Slug", Unique = true)]
[Check("\"ViewCount\" >= 0", Name = "CK_Posts_ViewCount")]
public class Post
{
    [Key, Column("PostId")] public long PostId { get; set; }

    [Column("BlogId"), ForeignKey(nameof(Blog)), OnDelete("CASCADE")] public int BlogId { get; set; }
    public Blog? Blog { get; set; }

    [Column("AuthorId"), ForeignKey(nameof(Author)), OnDelete("RESTRICT"), Index(Name = "IX_Posts_AuthorId")]
    public int AuthorId { get; set; }
    public Author? Author { get; set; }

    [Column("Title"), MaxLength(300)] public string Title { get; set; } = "";
    [Column("Slug"), MaxLength(200), Comment("URL part, unique within a blog")] public string Slug { get; set; } = "";
    [Column("Content")] public string Content { get; set; } = "";

    [Column("PublishedAt"), Index(Name = "IX_Posts_PublishedAt", Filter = "\"PublishedAt\" IS NOT NULL")]
    public DateTime? PublishedAt { get; set; }

    [Column("IsDeleted"), ServerDefault("false")] public bool IsDeleted { get; set; }
    [Column("ViewCount"), ServerDefault("0")] public int ViewCount { get; set; }
    [Column("Score"), ServerDefault("0")] public double Score { get; set; }
    [Column("Metadata")] public JsonDocument? Metadata { get; set; }
}

[Table("Attachments")]
[Check("\"SizeBytes\" > 0", Name = "CK_Attachments_SizeBytes")]
public class Attachment
{
    [Key, Column("AttachmentId")] public int AttachmentId { get; set; }

    [Column("PostId"), ForeignKey(nameof(Post)), OnDelete("CASCADE"), Index(Name = "IX_Attachments_PostId")]
    public long PostId { get; set; }
    public Post? Post { get; set; }

    [Column("FileName"), MaxLength(255)] public string FileName { get; set; } = "";
    [Column("ContentType"), MaxLength(100), ServerDefault("'application/octet-stream'")] public string ContentType { get; set; } = "";
    [Column("SizeBytes")] public long SizeBytes { get; set; }
    [Column("Data")] public byte[] Data { get; set; } = [];
}

[Table("Comments")]
public class PostComment
{
    [Key, Column("CommentId")] public long CommentId { get; set; }

    [Column("PostId"), ForeignKey(nameof(Post)), OnDelete("CASCADE"), Index(Name = "IX_Comments_PostId")]
    public long PostId { get; set; }
    public Post? Post { get; set; }

    [Column("ParentCommentId"), ForeignKey(nameof(ParentComment)), Index(Name = "IX_Comments_ParentCommentId")]
    public long? ParentCommentId { get; set; }
    public PostComment? ParentComment { get; set; }

    [Column("AuthorName"), MaxLength(100)] public string AuthorName { get; set; } = "";
    [Column("Body")] public string Body { get; set; } = "";
    [Column("IsApproved"), ServerDefault("false")] public bool IsApproved { get; set; }
    [Column("CreatedAt"), ServerDefault("CURRENT_TIMESTAMP")] public DateTime CreatedAt { get; set; }
}

[Table("PostTags")]
public class PostTag
{
    [Key, Column("PostId", Order = 0), ForeignKey(nameof(Post)), OnDelete("CASCADE")] public long PostId { get; set; }
    public Post? Post { get; set; }

    [Key, Column("TagId", Order = 1), ForeignKey(nameof(Tag)), OnDelete("CASCADE"), Index(Name = "IX_PostTags_TagId")]
    public int TagId { get; set; }
    public Tag? Tag { get; set; }

    [Column("TaggedAt"), ServerDefault("CURRENT_TIMESTAMP")] public DateTime TaggedAt { get; set; }
}

[Table("Subscriptions")]
public class Subscription
{
    [Key, Column("BlogId", Order = 0), ForeignKey(nameof(Blog)), OnDelete("CASCADE")] public int BlogId { get; set; }
    public Blog? Blog { get; set; }

    [Key, Column("Email", Order = 1), MaxLength(256)] public string Email { get; set; } = "";
    [Column("Confirmed"), ServerDefault("false")] public bool Confirmed { get; set; }
    [Column("SubscribedAt"), ServerDefault("CURRENT_TIMESTAMP")] public DateTime SubscribedAt { get; set; }
}
