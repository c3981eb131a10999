-- blog: as EF Core (Microsoft.Data.Sqlite provider) migrations write it, with SQLite's affinity type names

CREATE TABLE "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "Authors" (
    "AuthorId" INTEGER NOT NULL CONSTRAINT "PK_Authors" PRIMARY KEY AUTOINCREMENT,
    "DisplayName" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Bio" TEXT NULL,
    "IsActive" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "AK_Authors_Email" UNIQUE ("Email")
);

CREATE TABLE "Tags" (
    "TagId" INTEGER NOT NULL CONSTRAINT "PK_Tags" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);

CREATE TABLE "Blogs" (
    "BlogId" INTEGER NOT NULL CONSTRAINT "PK_Blogs" PRIMARY KEY AUTOINCREMENT,
    "Url" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "OwnerId" INTEGER NULL,
    "Rating" REAL NULL,
    "CreatedAt" TEXT NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    CONSTRAINT "AK_Blogs_Url" UNIQUE ("Url"),
    CONSTRAINT "FK_Blogs_Authors_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "Authors" ("AuthorId") ON DELETE SET NULL
);

CREATE TABLE "Posts" (
    "PostId" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT,
    "BlogId" INTEGER NOT NULL,
    "AuthorId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "IsDeleted" INTEGER NOT NULL DEFAULT 0,
    "ViewCount" INTEGER NOT NULL DEFAULT 0,
    "Score" REAL NOT NULL DEFAULT 0.0,
    "Metadata" TEXT NULL,
    CONSTRAINT "CK_Posts_ViewCount" CHECK ("ViewCount" >= 0),
    CONSTRAINT "FK_Posts_Authors_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "Authors" ("AuthorId") ON DELETE RESTRICT,
    CONSTRAINT "FK_Posts_Blogs_BlogId" FOREIGN KEY ("BlogId") REFERENCES "Blogs" ("BlogId") ON DELETE CASCADE
);

CREATE TABLE "Attachments" (
    "AttachmentId" INTEGER NOT NULL CONSTRAINT "PK_Attachments" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL DEFAULT 'application/octet-stream',
    "SizeBytes" INTEGER NOT NULL,
    "Data" BLOB NOT NULL,
    CONSTRAINT "CK_Attachments_SizeBytes" CHECK ("SizeBytes" > 0),
    CONSTRAINT "FK_Attachments_Posts_PostId" FOREIGN KEY ("PostId") REFERENCES "Posts" ("PostId") ON DELETE CASCADE
);

CREATE TABLE "Comments" (
    "CommentId" INTEGER NOT NULL CONSTRAINT "PK_Comments" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "ParentCommentId" INTEGER NULL,
    "AuthorName" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "IsApproved" INTEGER NOT NULL DEFAULT 0,
    "CreatedAt" TEXT NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    CONSTRAINT "FK_Comments_Comments_ParentCommentId" FOREIGN KEY ("ParentCommentId") REFERENCES "Comments" ("CommentId"),
    CONSTRAINT "FK_Comments_Posts_PostId" FOREIGN KEY ("PostId") REFERENCES "Posts" ("PostId") ON DELETE CASCADE
);

CREATE TABLE "PostTags" (
    "PostId" INTEGER NOT NULL,
    "TagId" INTEGER NOT NULL,
    "TaggedAt" TEXT NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    CONSTRAINT "PK_PostTags" PRIMARY KEY ("PostId", "TagId"),
    CONSTRAINT "FK_PostTags_Posts_PostId" FOREIGN KEY ("PostId") REFERENCES "Posts" ("PostId") ON DELETE CASCADE,
    CONSTRAINT "FK_PostTags_Tags_TagId" FOREIGN KEY ("TagId") REFERENCES "Tags" ("TagId") ON DELETE CASCADE
);

CREATE TABLE "Subscriptions" (
    "BlogId" INTEGER NOT NULL,
    "Email" TEXT NOT NULL,
    "Confirmed" INTEGER NOT NULL DEFAULT 0,
    "SubscribedAt" TEXT NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    CONSTRAINT "PK_Subscriptions" PRIMARY KEY ("BlogId", "Email"),
    CONSTRAINT "FK_Subscriptions_Blogs_BlogId" FOREIGN KEY ("BlogId") REFERENCES "Blogs" ("BlogId") ON DELETE CASCADE
);

CREATE INDEX "IX_Attachments_PostId" ON "Attachments" ("PostId");

CREATE INDEX "IX_Blogs_OwnerId" ON "Blogs" ("OwnerId");

CREATE INDEX "IX_Comments_ParentCommentId" ON "Comments" ("ParentCommentId");

CREATE INDEX "IX_Comments_PostId" ON "Comments" ("PostId");

CREATE INDEX "IX_Posts_AuthorId" ON "Posts" ("AuthorId");

CREATE UNIQUE INDEX "IX_Posts_BlogId_Slug" ON "Posts" ("BlogId", "Slug");

CREATE INDEX "IX_Posts_PublishedAt" ON "Posts" ("PublishedAt") WHERE "PublishedAt" IS NOT NULL;

CREATE INDEX "IX_PostTags_TagId" ON "PostTags" ("TagId");

CREATE UNIQUE INDEX "IX_Tags_Name" ON "Tags" ("Name");
