CREATE TABLE `beneficiary_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`beneficiary_id` text NOT NULL,
	`source` text NOT NULL,
	`mime_type` text NOT NULL,
	`data_base64` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `beneficiary_photos_beneficiary` ON `beneficiary_photos` (`beneficiary_id`);--> statement-breakpoint
CREATE TABLE `mismatches` (
	`id` text PRIMARY KEY NOT NULL,
	`beneficiary_id` text NOT NULL,
	`source` text NOT NULL,
	`kind` text DEFAULT 'differs' NOT NULL,
	`field` text,
	`record_value` text,
	`source_value` text,
	`status` text DEFAULT 'open' NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mismatches_status` ON `mismatches` (`status`,`beneficiary_id`);