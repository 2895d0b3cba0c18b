-- Type-ahead search over folded names (no tones, đ→d). External content: the text lives once, in beneficiaries.
-- The FTS rowid is beneficiaries.rowid; after a VACUUM run: INSERT INTO beneficiaries_fts(beneficiaries_fts) VALUES('rebuild').
CREATE VIRTUAL TABLE `beneficiaries_fts` USING fts5(search_name, content='beneficiaries', content_rowid='rowid', prefix='1 2 3', tokenize='unicode61');
--> statement-breakpoint
CREATE TRIGGER `beneficiaries_fts_insert` AFTER INSERT ON `beneficiaries` BEGIN
  INSERT INTO beneficiaries_fts(rowid, search_name) VALUES (new.rowid, new.search_name);
END;
--> statement-breakpoint
CREATE TRIGGER `beneficiaries_fts_update` AFTER UPDATE OF search_name ON `beneficiaries` BEGIN
  INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
  INSERT INTO beneficiaries_fts(rowid, search_name) VALUES (new.rowid, new.search_name);
END;
--> statement-breakpoint
CREATE TRIGGER `beneficiaries_fts_delete` AFTER DELETE ON `beneficiaries` BEGIN
  INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
END;
--> statement-breakpoint
-- The change log and the command list are append-only: they are the audit trail and the sync outbox.
CREATE TRIGGER `change_log_no_update` BEFORE UPDATE ON `change_log` BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_no_delete` BEFORE DELETE ON `change_log` BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `commands_no_update` BEFORE UPDATE ON `commands` BEGIN
  SELECT RAISE(ABORT, 'commands is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `commands_no_delete` BEFORE DELETE ON `commands` BEGIN
  SELECT RAISE(ABORT, 'commands is append-only');
END;
