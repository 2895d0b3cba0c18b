import { AppError } from '../../../app/errors';
import type { CliCommand } from '../cli-command';

/** `ansinh consolidate history`: the lists consolidated in the user's area, newest first, each with its import id. */
export const consolidateHistoryCommand: CliCommand = {
  name: 'consolidate history',
  summary: 'Các danh sách đã tổng hợp (mỗi tệp một lần nhập, có mã để hoàn tác) / The lists consolidated, each with its import id',
  usage: 'ansinh consolidate history --db PATH [--json]',
  options: {},
  needsUser: true,
  async run(ctx) {
    const history = await ctx.call('consolidation.history', {});
    const lines = history.map((h) => `${h.importId}  ${h.at}  ${h.file} → ${h.unitName ?? '?'}: ${h.imported} mới, ${h.updated} cập nhật${h.undoneAt ? ` (đã hoàn tác ${h.undoneAt})` : ''}`);
    ctx.print(history, lines.length ? lines.join('\n') : 'Chưa tổng hợp danh sách nào.');
    return 0;
  },
};

/**
 * `ansinh consolidate undo IMPORT_ID`: undoes one file's import of a consolidation, through the same rule as the
 * screen's (its author or an administrator, inside the user's area); fields changed since are left as they are and listed.
 */
export const consolidateUndoCommand: CliCommand = {
  name: 'consolidate undo',
  summary: 'Hoàn tác việc nhập một tệp đã tổng hợp / Undo one consolidated file\'s import',
  usage: 'ansinh consolidate undo MÃ_LẦN_NHẬP --db PATH [--json]   (mã: ansinh consolidate history)',
  options: {},
  needsUser: true,
  async run(ctx) {
    const importId = ctx.positionals[0];
    if (!importId || ctx.positionals.length > 1) {
      throw new AppError('usage', 'Cần đúng một mã lần nhập: ansinh consolidate undo MÃ --db PATH (xem mã bằng ansinh consolidate history).', 'Give one import id (see ansinh consolidate history).');
    }
    const report = await ctx.call('consolidation.undo', { importId });
    const kept = report.conflicts.map((c) => `  giữ nguyên ${c.field}${c.personName ? ` của ${c.personName}` : ''} (đã sửa sau lần nhập)`);
    ctx.print(report, [`Đã hoàn tác: ${report.reverted} thay đổi.`, ...kept].join('\n'));
    return 0;
  },
};
