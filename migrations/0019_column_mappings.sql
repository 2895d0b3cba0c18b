CREATE TABLE `column_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
