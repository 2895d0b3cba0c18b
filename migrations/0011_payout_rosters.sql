CREATE TABLE `amount_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`beneficiary_id` text NOT NULL,
	`regime_code` text NOT NULL,
	`period` text NOT NULL,
	`imported_amount` integer NOT NULL,
	`computed_amount` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `amount_checks_status` ON `amount_checks` (`status`,`beneficiary_id`);--> statement-breakpoint
CREATE TABLE `entitlements` (
	`id` text PRIMARY KEY NOT NULL,
	`beneficiary_id` text NOT NULL,
	`regime_code` text NOT NULL,
	`group_code` text,
	`hundredths` integer,
	`from_period` text NOT NULL,
	`to_period` text,
	`override_amount` integer,
	`override_reason` text,
	`basis` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `entitlements_beneficiary` ON `entitlements` (`beneficiary_id`);--> statement-breakpoint
CREATE TABLE `payout_levels` (
	`id` text PRIMARY KEY NOT NULL,
	`level_code` text NOT NULL,
	`unit_id` text,
	`effective_from` text NOT NULL,
	`amount` integer NOT NULL,
	`basis` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payout_levels_code` ON `payout_levels` (`level_code`,`effective_from`);--> statement-breakpoint
CREATE TABLE `payout_regimes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`level_code` text NOT NULL,
	`kind` text NOT NULL,
	`default_hundredths` integer,
	`default_group` text,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payout_regimes_code` ON `payout_regimes` (`code`);--> statement-breakpoint
CREATE TABLE `payout_results` (
	`id` text PRIMARY KEY NOT NULL,
	`line_id` text NOT NULL,
	`period` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`amount` integer NOT NULL,
	`source` text NOT NULL,
	`decision` text,
	`decision_reason` text,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payout_results_line` ON `payout_results` (`line_id`);--> statement-breakpoint
CREATE INDEX `payout_results_source` ON `payout_results` (`source`);--> statement-breakpoint
CREATE TABLE `roster_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`roster_id` text NOT NULL,
	`period` text NOT NULL,
	`beneficiary_id` text NOT NULL,
	`regime_code` text NOT NULL,
	`full_name` text NOT NULL,
	`id_number` text,
	`village` text,
	`amount` integer NOT NULL,
	`months` integer NOT NULL,
	`detail` text NOT NULL,
	`channel` text NOT NULL,
	`bank_bin` text,
	`bank_name` text,
	`account_number` text,
	`holder_name` text,
	`blocks` text DEFAULT '[]' NOT NULL,
	`releases` text DEFAULT '[]' NOT NULL,
	`held` integer DEFAULT 0 NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `roster_lines_roster` ON `roster_lines` (`roster_id`,`village`,`full_name`);--> statement-breakpoint
CREATE INDEX `roster_lines_person` ON `roster_lines` (`beneficiary_id`,`regime_code`,`period`);--> statement-breakpoint
CREATE TABLE `rosters` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`period` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`approved_by` text,
	`locked_by` text,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rosters_unit_period` ON `rosters` (`unit_id`,`period`);--> statement-breakpoint
-- A locked roster is never edited: neither the roster nor its lines, whoever writes (the write path, sync).
CREATE TRIGGER `rosters_locked_refuse_update` BEFORE UPDATE ON `rosters` WHEN OLD.`status` = 'locked'
BEGIN SELECT RAISE(ABORT, 'roster-locked'); END;
--> statement-breakpoint
CREATE TRIGGER `roster_lines_locked_refuse_update` BEFORE UPDATE ON `roster_lines`
WHEN (SELECT `status` FROM `rosters` WHERE `id` = OLD.`roster_id`) = 'locked'
BEGIN SELECT RAISE(ABORT, 'roster-locked'); END;
--> statement-breakpoint
CREATE TRIGGER `roster_lines_locked_refuse_insert` BEFORE INSERT ON `roster_lines`
WHEN (SELECT `status` FROM `rosters` WHERE `id` = NEW.`roster_id`) = 'locked'
BEGIN SELECT RAISE(ABORT, 'roster-locked'); END;
--> statement-breakpoint
CREATE TRIGGER `roster_lines_locked_refuse_delete` BEFORE DELETE ON `roster_lines`
WHEN (SELECT `status` FROM `rosters` WHERE `id` = OLD.`roster_id`) = 'locked'
BEGIN SELECT RAISE(ABORT, 'roster-locked'); END;
