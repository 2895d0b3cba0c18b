CREATE TABLE `audit_events` (
	`device_id` text NOT NULL,
	`seq` integer NOT NULL,
	`hlc` text NOT NULL,
	`user_id` text,
	`origin` text NOT NULL,
	`action` text NOT NULL,
	`subject` text,
	`detail` text,
	PRIMARY KEY(`device_id`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `audit_events_action` ON `audit_events` (`action`,`hlc`);--> statement-breakpoint
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events` BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events` BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
