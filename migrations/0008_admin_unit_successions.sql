CREATE TABLE `admin_unit_successions` (
	`from_unit_id` text NOT NULL,
	`to_unit_id` text NOT NULL,
	`split` integer DEFAULT 0 NOT NULL,
	`effective_on` text NOT NULL,
	PRIMARY KEY(`from_unit_id`, `to_unit_id`)
);
--> statement-breakpoint
CREATE INDEX `admin_unit_successions_to` ON `admin_unit_successions` (`to_unit_id`);--> statement-breakpoint
CREATE INDEX `admin_units_parent` ON `admin_units` (`parent_id`);