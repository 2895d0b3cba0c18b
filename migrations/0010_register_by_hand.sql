ALTER TABLE `beneficiaries` ADD `status_date` text;--> statement-breakpoint
ALTER TABLE `beneficiaries` ADD `status_reason` text;--> statement-breakpoint
ALTER TABLE `households` ADD `head_id` text;--> statement-breakpoint
ALTER TABLE `payment_accounts` ADD `purpose` text DEFAULT 'monthly' NOT NULL;