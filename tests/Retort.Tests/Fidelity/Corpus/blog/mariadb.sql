-- blog: as EF Core (Pomelo MySQL provider) migrations write it for MariaDB

CREATE TABLE `__EFMigrationsHistory` (
    `MigrationId` varchar(150) CHARACTER SET utf8mb4 NOT NULL,
    `ProductVersion` varchar(32) CHARACTER SET utf8mb4 NOT NULL,
    CONSTRAINT `PK___EFMigrationsHistory` PRIMARY KEY (`MigrationId`)
) CHARACTER SET=utf8mb4;

CREATE TABLE `Authors` (
    `AuthorId` int NOT NULL AUTO_INCREMENT,
    `DisplayName` varchar(100) CHARACTER SET utf8mb4 NOT NULL,
    `Email` varchar(256) CHARACTER SET utf8mb4 NOT NULL,
    `Bio` longtext CHARACTER SET utf8mb4 NULL,
    `IsActive` tinyint(1) NOT NULL DEFAULT TRUE,
    CONSTRAINT `PK_Authors` PRIMARY KEY (`AuthorId`),
    CONSTRAINT `AK_Authors_Email` UNIQUE (`Email`)
) CHARACTER SET=utf8mb4;

CREATE TABLE `Tags` (
    `TagId` int NOT NULL AUTO_INCREMENT,
    `Name` varchar(50) CHARACTER SET utf8mb4 NOT NULL,
    CONSTRAINT `PK_Tags` PRIMARY KEY (`TagId`)
) CHARACTER SET=utf8mb4;

CREATE TABLE `Blogs` (
    `BlogId` int NOT NULL AUTO_INCREMENT,
    `Url` varchar(500) CHARACTER SET utf8mb4 NOT NULL,
    `Title` varchar(200) CHARACTER SET utf8mb4 NOT NULL,
    `OwnerId` int NULL,
    `Rating` double NULL,
    `CreatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT `PK_Blogs` PRIMARY KEY (`BlogId`),
    CONSTRAINT `AK_Blogs_Url` UNIQUE (`Url`),
    CONSTRAINT `FK_Blogs_Authors_OwnerId` FOREIGN KEY (`OwnerId`) REFERENCES `Authors` (`AuthorId`) ON DELETE SET NULL
) CHARACTER SET=utf8mb4 COMMENT='A blog and its settings';

CREATE TABLE `Posts` (
    `PostId` bigint NOT NULL AUTO_INCREMENT,
    `BlogId` int NOT NULL,
    `AuthorId` int NOT NULL,
    `Title` varchar(300) CHARACTER SET utf8mb4 NOT NULL,
    `Slug` varchar(200) CHARACTER SET utf8mb4 NOT NULL COMMENT 'URL part, unique within a blog',
    `Content` longtext CHARACTER SET utf8mb4 NOT NULL,
    `PublishedAt` datetime(6) NULL,
    `IsDeleted` tinyint(1) NOT NULL DEFAULT FALSE,
    `ViewCount` int NOT NULL DEFAULT 0,
    `Score` double NOT NULL DEFAULT 0.0,
    `Metadata` json NULL,
    CONSTRAINT `PK_Posts` PRIMARY KEY (`PostId`),
    CONSTRAINT `CK_Posts_ViewCount` CHECK (`ViewCount` >= 0),
    CONSTRAINT `FK_Posts_Authors_AuthorId` FOREIGN KEY (`AuthorId`) REFERENCES `Authors` (`AuthorId`) ON DELETE RESTRICT,
    CONSTRAINT `FK_Posts_Blogs_BlogId` FOREIGN KEY (`BlogId`) REFERENCES `Blogs` (`BlogId`) ON DELETE CASCADE
) CHARACTER SET=utf8mb4;

CREATE TABLE `Attachments` (
    `AttachmentId` int NOT NULL AUTO_INCREMENT,
    `PostId` bigint NOT NULL,
    `FileName` varchar(255) CHARACTER SET utf8mb4 NOT NULL,
    `ContentType` varchar(100) CHARACTER SET utf8mb4 NOT NULL DEFAULT 'application/octet-stream',
    `SizeBytes` bigint NOT NULL,
    `Data` longblob NOT NULL,
    CONSTRAINT `PK_Attachments` PRIMARY KEY (`AttachmentId`),
    CONSTRAINT `CK_Attachments_SizeBytes` CHECK (`SizeBytes` > 0),
    CONSTRAINT `FK_Attachments_Posts_PostId` FOREIGN KEY (`PostId`) REFERENCES `Posts` (`PostId`) ON DELETE CASCADE
) CHARACTER SET=utf8mb4;

CREATE TABLE `Comments` (
    `CommentId` bigint NOT NULL AUTO_INCREMENT,
    `PostId` bigint NOT NULL,
    `ParentCommentId` bigint NULL,
    `AuthorName` varchar(100) CHARACTER SET utf8mb4 NOT NULL,
    `Body` longtext CHARACTER SET utf8mb4 NOT NULL,
    `IsApproved` tinyint(1) NOT NULL DEFAULT FALSE,
    `CreatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT `PK_Comments` PRIMARY KEY (`CommentId`),
    CONSTRAINT `FK_Comments_Comments_ParentCommentId` FOREIGN KEY (`ParentCommentId`) REFERENCES `Comments` (`CommentId`),
    CONSTRAINT `FK_Comments_Posts_PostId` FOREIGN KEY (`PostId`) REFERENCES `Posts` (`PostId`) ON DELETE CASCADE
) CHARACTER SET=utf8mb4;

CREATE TABLE `PostTags` (
    `PostId` bigint NOT NULL,
    `TagId` int NOT NULL,
    `TaggedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT `PK_PostTags` PRIMARY KEY (`PostId`, `TagId`),
    CONSTRAINT `FK_PostTags_Posts_PostId` FOREIGN KEY (`PostId`) REFERENCES `Posts` (`PostId`) ON DELETE CASCADE,
    CONSTRAINT `FK_PostTags_Tags_TagId` FOREIGN KEY (`TagId`) REFERENCES `Tags` (`TagId`) ON DELETE CASCADE
) CHARACTER SET=utf8mb4;

CREATE TABLE `Subscriptions` (
    `BlogId` int NOT NULL,
    `Email` varchar(256) CHARACTER SET utf8mb4 NOT NULL,
    `Confirmed` tinyint(1) NOT NULL DEFAULT FALSE,
    `SubscribedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT `PK_Subscriptions` PRIMARY KEY (`BlogId`, `Email`),
    CONSTRAINT `FK_Subscriptions_Blogs_BlogId` FOREIGN KEY (`BlogId`) REFERENCES `Blogs` (`BlogId`) ON DELETE CASCADE
) CHARACTER SET=utf8mb4;

CREATE INDEX `IX_Attachments_PostId` ON `Attachments` (`PostId`);

CREATE INDEX `IX_Blogs_OwnerId` ON `Blogs` (`OwnerId`);

CREATE INDEX `IX_Comments_ParentCommentId` ON `Comments` (`ParentCommentId`);

CREATE INDEX `IX_Comments_PostId` ON `Comments` (`PostId`);

CREATE INDEX `IX_Posts_AuthorId` ON `Posts` (`AuthorId`);

CREATE UNIQUE INDEX `IX_Posts_BlogId_Slug` ON `Posts` (`BlogId`, `Slug`);

CREATE INDEX `IX_Posts_PublishedAt` ON `Posts` (`PublishedAt`);

CREATE INDEX `IX_PostTags_TagId` ON `PostTags` (`TagId`);

CREATE UNIQUE INDEX `IX_Tags_Name` ON `Tags` (`Name`);
