-- Hand-written: the words of each living record's folded name, in name order (Vietnamese order of the sort key,
-- then the row), with the folded name itself: the list's search walks one word's entries in the order it shows and
-- checks the other words on the entry alone, without sorting every match or reading a row. Kept by triggers, as the
-- full-text index is; entries name beneficiaries.rowid (after a VACUUM: DELETE, then the INSERT below again).
CREATE TABLE `beneficiary_name_words` (
  `word` text NOT NULL,
  `sort_key` text NOT NULL,
  `person` integer NOT NULL,
  `search_name` text NOT NULL,
  PRIMARY KEY (`word`, `sort_key`, `person`)
) WITHOUT ROWID;--> statement-breakpoint
CREATE TRIGGER `beneficiary_name_words_insert` AFTER INSERT ON `beneficiaries` WHEN new.deleted = 0 BEGIN
  INSERT OR IGNORE INTO beneficiary_name_words (word, sort_key, person, search_name)
    SELECT value, new.sort_key, new.rowid, new.search_name FROM json_each('["' || replace(new.search_name, ' ', '","') || '"]') WHERE value <> '';
END;--> statement-breakpoint
CREATE TRIGGER `beneficiary_name_words_update` AFTER UPDATE OF search_name, sort_key, deleted ON `beneficiaries` BEGIN
  DELETE FROM beneficiary_name_words WHERE old.deleted = 0 AND sort_key = old.sort_key AND person = old.rowid
    AND word IN (SELECT value FROM json_each('["' || replace(old.search_name, ' ', '","') || '"]'));
  INSERT OR IGNORE INTO beneficiary_name_words (word, sort_key, person, search_name)
    SELECT value, new.sort_key, new.rowid, new.search_name FROM json_each('["' || replace(new.search_name, ' ', '","') || '"]') WHERE new.deleted = 0 AND value <> '';
END;--> statement-breakpoint
CREATE TRIGGER `beneficiary_name_words_delete` AFTER DELETE ON `beneficiaries` WHEN old.deleted = 0 BEGIN
  DELETE FROM beneficiary_name_words WHERE sort_key = old.sort_key AND person = old.rowid
    AND word IN (SELECT value FROM json_each('["' || replace(old.search_name, ' ', '","') || '"]'));
END;--> statement-breakpoint
INSERT OR IGNORE INTO beneficiary_name_words (word, sort_key, person, search_name)
  SELECT j.value, b.sort_key, b.rowid, b.search_name FROM beneficiaries b, json_each('["' || replace(b.search_name, ' ', '","') || '"]') j
  WHERE b.deleted = 0 AND j.value <> '' ORDER BY 1, 2, 3;
