CREATE TABLE `field_verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`beneficiary_id` text NOT NULL,
	`field` text NOT NULL,
	`source` text NOT NULL,
	`batch_id` text,
	`card_read` text,
	`verified_at` text,
	`verified_by` text,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `field_verifications_beneficiary` ON `field_verifications` (`beneficiary_id`);--> statement-breakpoint
CREATE TABLE `matching_batch_people` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`beneficiary_id` text NOT NULL,
	`row_key` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matching_batch_people_row_key` ON `matching_batch_people` (`row_key`);--> statement-breakpoint
CREATE INDEX `matching_batch_people_beneficiary` ON `matching_batch_people` (`beneficiary_id`);--> statement-breakpoint
CREATE TABLE `matching_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`unit_id` text NOT NULL,
	`sent_at` text NOT NULL,
	`people` integer NOT NULL,
	`reason` text,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matching_batches_number` ON `matching_batches` (`number`);--> statement-breakpoint
CREATE TABLE `matching_result_files` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`imported_at` text NOT NULL,
	`counts` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `matching_result_files_sha256` ON `matching_result_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `matching_statuses` (
	`id` text PRIMARY KEY NOT NULL,
	`beneficiary_id` text NOT NULL,
	`status` text NOT NULL,
	`batch_id` text,
	`status_at` text NOT NULL,
	`verified_by` text,
	`resend` integer DEFAULT 0 NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `matching_statuses_status` ON `matching_statuses` (`status`);--> statement-breakpoint
ALTER TABLE `mismatches` ADD `difference` text;--> statement-breakpoint
ALTER TABLE `mismatches` ADD `batch_id` text;--> statement-breakpoint
ALTER TABLE `mismatches` ADD `note` text;--> statement-breakpoint
ALTER TABLE `mismatches` ADD `created_at` text;--> statement-breakpoint
CREATE INDEX `mismatches_beneficiary` ON `mismatches` (`beneficiary_id`);--> statement-breakpoint
-- The verified JSON column's values move to one row per person and field (id: <beneficiary id>:<field>).
INSERT OR IGNORE INTO `field_verifications` (`id`, `beneficiary_id`, `field`, `source`)
  SELECT b.`id` || ':' || j.key, b.`id`, j.key, j.value FROM `beneficiaries` b, json_each(b.`verified`) j
  WHERE b.`verified` <> '{}' AND json_valid(b.`verified`) AND j.value IN ('chip', 'population', 'manual');--> statement-breakpoint
-- beneficiaries.verified stays as a local summary of field_verifications, kept by these triggers (never by a command).
CREATE TRIGGER `field_verifications_summary_insert` AFTER INSERT ON `field_verifications` BEGIN
  UPDATE `beneficiaries` SET `verified` = (SELECT coalesce(json_group_object(`field`, `source`), '{}') FROM `field_verifications`
    WHERE `beneficiary_id` = NEW.`beneficiary_id` AND `deleted` = 0) WHERE `id` = NEW.`beneficiary_id`;
END;--> statement-breakpoint
CREATE TRIGGER `field_verifications_summary_update` AFTER UPDATE ON `field_verifications` BEGIN
  UPDATE `beneficiaries` SET `verified` = (SELECT coalesce(json_group_object(`field`, `source`), '{}') FROM `field_verifications`
    WHERE `beneficiary_id` = NEW.`beneficiary_id` AND `deleted` = 0) WHERE `id` = NEW.`beneficiary_id`;
END;
