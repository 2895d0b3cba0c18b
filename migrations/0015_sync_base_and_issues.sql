CREATE TABLE `sync_issues` (
	`id` text PRIMARY KEY NOT NULL,
	`why` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`field` text,
	`change` text NOT NULL,
	`here` text,
	`message` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_issues_status` ON `sync_issues` (`status`,`created_at`);--> statement-breakpoint
ALTER TABLE `change_log` ADD `base_change` text;