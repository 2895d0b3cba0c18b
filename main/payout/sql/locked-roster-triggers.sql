--> statement-breakpoint
-- A locked roster is never edited: neither the roster nor its lines, whoever writes (the write path, sync).
CREATE TRIGGER `rosters_locked_refuse_update` BEFORE UPDATE ON `rosters` WHEN OLD.`status` = 'locked'
BEGIN SELECT RAISE(ABORT, 'roster-locked'); END;
--> statement-breakpoint
CREATE TRIGGER `roster_lines_locked_refuse_update` BEFORE UPDATE ON `roster_lines`
WHEN (SELECT `status` FROM `rosters` WHERE `id` = OLD.`roster_id`) = 'locked'
BEGIN SELECT RAISE(ABORT, 'roster-locked'); END;
--> statement-breakpoint
CREATE TRIGGER `roster_lines_locked_refuse_insert` BEFORE INSERT ON `roster_lines`
WHEN (SELECT `status` FROM `rosters` WHERE `id` = NEW.`roster_id`) = 'locked'
BEGIN SELECT RAISE(ABORT, 'roster-locked'); END;
--> statement-breakpoint
CREATE TRIGGER `roster_lines_locked_refuse_delete` BEFORE DELETE ON `roster_lines`
WHEN (SELECT `status` FROM `rosters` WHERE `id` = OLD.`roster_id`) = 'locked'
BEGIN SELECT RAISE(ABORT, 'roster-locked'); END;
