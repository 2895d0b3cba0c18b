CREATE TABLE `clinic_officers` (
	`user_id` text PRIMARY KEY NOT NULL,
	`full_name` text NOT NULL,
	`id_number` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `clinic_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `clinic_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`number` integer NOT NULL,
	`checked_in_at` integer NOT NULL,
	`reason` text,
	`officer_user_id` text,
	`officer_name` text,
	`identified_by` text NOT NULL,
	`id_number` text,
	`full_name` text,
	`birth` text,
	`sex` text,
	`card_code` text,
	`lookup_key` text,
	`insurance_state` text NOT NULL,
	`insurance` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `clinic_visits_day` ON `clinic_visits` (`day`,`number`);--> statement-breakpoint
CREATE INDEX `clinic_visits_pending` ON `clinic_visits` (`insurance_state`);--> statement-breakpoint
CREATE TABLE `insurance_last_known` (
	`lookup_key` text PRIMARY KEY NOT NULL,
	`checked_at` integer NOT NULL,
	`insurance` text NOT NULL
);
