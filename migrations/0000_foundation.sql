CREATE TABLE `change_log` (
	`device_id` text NOT NULL,
	`seq` integer NOT NULL,
	`hlc` text NOT NULL,
	`command_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`op` text NOT NULL,
	`field` text,
	`old_value` text,
	`new_value` text,
	`base_rev` integer,
	PRIMARY KEY(`device_id`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `change_log_entity` ON `change_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `change_log_command` ON `change_log` (`command_id`);--> statement-breakpoint
CREATE TABLE `commands` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`device_id` text NOT NULL,
	`user_id` text,
	`origin` text NOT NULL,
	`hlc` text NOT NULL,
	`summary` text,
	`reverts` text
);
--> statement-breakpoint
CREATE INDEX `commands_reverts` ON `commands` (`reverts`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`unit_ids` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT 1 NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `admin_units` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`effective_from` text NOT NULL,
	`effective_to` text,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_id` text,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_units_code_version` ON `admin_units` (`code`,`effective_from`);--> statement-breakpoint
CREATE TABLE `beneficiaries` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`household_id` text,
	`village` text,
	`full_name` text NOT NULL,
	`search_name` text NOT NULL,
	`sort_key` text NOT NULL,
	`birth` text,
	`sex` text,
	`id_number` text,
	`old_id_number` text,
	`hometown` text,
	`permanent_address` text,
	`ethnicity` text,
	`category_group` text NOT NULL,
	`category_label` text NOT NULL,
	`monthly_amount` integer,
	`payment_channel` text DEFAULT 'cash' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`verified` text DEFAULT '{}' NOT NULL,
	`problems` text DEFAULT '[]' NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `beneficiaries_sort` ON `beneficiaries` (`deleted`,`sort_key`);--> statement-breakpoint
CREATE INDEX `beneficiaries_unit_sort` ON `beneficiaries` (`unit_id`,`deleted`,`sort_key`);--> statement-breakpoint
CREATE INDEX `beneficiaries_id_number` ON `beneficiaries` (`id_number`);--> statement-breakpoint
CREATE INDEX `beneficiaries_old_id_number` ON `beneficiaries` (`old_id_number`);--> statement-breakpoint
CREATE INDEX `beneficiaries_household` ON `beneficiaries` (`household_id`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`village` text,
	`head_name` text NOT NULL,
	`address` text,
	`kind` text DEFAULT 'ordinary' NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `households_unit` ON `households` (`unit_id`);--> statement-breakpoint
CREATE TABLE `payment_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`beneficiary_id` text NOT NULL,
	`kind` text NOT NULL,
	`owner` text DEFAULT 'self' NOT NULL,
	`bank_bin` text,
	`bank_name` text,
	`number` text NOT NULL,
	`holder_name` text NOT NULL,
	`holder_id_number` text,
	`status` text DEFAULT 'active' NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`beneficiary_id`) REFERENCES `beneficiaries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_accounts_beneficiary` ON `payment_accounts` (`beneficiary_id`);