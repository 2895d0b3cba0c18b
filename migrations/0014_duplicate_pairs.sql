CREATE TABLE `duplicate_pairs` (
	`id` text PRIMARY KEY NOT NULL,
	`beneficiary_id` text NOT NULL,
	`other_id` text NOT NULL,
	`kind` text NOT NULL,
	`score` integer NOT NULL,
	`explanation` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`kept_id` text,
	`note` text,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `duplicate_pairs_beneficiary` ON `duplicate_pairs` (`beneficiary_id`,`status`);--> statement-breakpoint
CREATE INDEX `duplicate_pairs_other` ON `duplicate_pairs` (`other_id`,`status`);