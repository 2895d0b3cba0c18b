import type { AppDatabase } from '../core/database/open-database';
import { readMeta, writeMeta } from '../core/database/meta';
import { recordAudit } from '../core/audit';
import type { Actor } from '../core/write-path';
import { DEFAULT_RULES, type ReminderRules } from '../../shared/reports/report-reminders';

// The report deadlines of this office's plan: a setting of the office (like the clinic's), audited when changed.
const KEY = 'reports.reminderRules';

export function readReminderRules(db: AppDatabase): ReminderRules {
  const stored = readMeta(db, KEY);
  return stored ? { ...DEFAULT_RULES, ...(JSON.parse(stored) as Partial<ReminderRules>) } : DEFAULT_RULES;
}

export function saveReminderRules(db: AppDatabase, actor: Actor, rules: ReminderRules): ReminderRules {
  writeMeta(db, KEY, JSON.stringify(rules));
  recordAudit(db, actor, { action: 'report-deadlines', detail: { ...rules } });
  return readReminderRules(db);
}
