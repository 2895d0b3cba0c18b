DROP INDEX `beneficiaries_id_number`;--> statement-breakpoint
DROP INDEX `beneficiaries_old_id_number`;--> statement-breakpoint
CREATE INDEX `beneficiaries_id_number` ON `beneficiaries` (`id_number`,`deleted`,`sort_key`,`unit_id`);--> statement-breakpoint
CREATE INDEX `beneficiaries_old_id_number` ON `beneficiaries` (`old_id_number`,`deleted`,`sort_key`,`unit_id`);