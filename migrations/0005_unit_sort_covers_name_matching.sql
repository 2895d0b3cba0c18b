DROP INDEX `beneficiaries_unit_sort`;--> statement-breakpoint
CREATE INDEX `beneficiaries_unit_sort` ON `beneficiaries` (`unit_id`,`deleted`,`sort_key`,`birth`,`id_number`);