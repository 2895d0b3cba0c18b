CREATE TABLE `csca_certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`der` text NOT NULL,
	`subject` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL
);
