CREATE TABLE `sign_in_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`username` text NOT NULL,
	`kind` text NOT NULL,
	`outcome` text NOT NULL,
	`door` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_username` ON `sign_in_attempts` (`username`,`id`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_at` ON `sign_in_attempts` (`at`);--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_events_hlc` ON `audit_events` (`hlc`);--> statement-breakpoint
CREATE INDEX `audit_events_user` ON `audit_events` (`user_id`,`hlc`);--> statement-breakpoint
CREATE INDEX `audit_events_subject` ON `audit_events` (`subject`,`hlc`);