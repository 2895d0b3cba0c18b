import { writeFileSync } from 'node:fs';
import { AppError } from '../../../core/errors';
import { recordAudit } from '../../../core/audit';
import { openDatabase } from '../../../core/database/open-database';
import { migrationsDir } from '../../../core/app-paths';
import { canonicalRecords } from '../../../registry/canonical-records';
import { writeCanonicalWorkbook } from '../../../excel/canonical-workbook';
import type { CliCommand } from '../cli-command';

export const exportBeneficiariesCommand: CliCommand = {
  name: 'export beneficiaries',
  summary: 'Xuất danh sách đối tượng (JSON hoặc Excel); việc xuất được ghi nhật ký / Export beneficiaries (logged)',
  usage: 'ansinh export beneficiaries --db PATH --format json|xlsx [--out FILE]',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const format = ctx.values.format;
    if (format !== 'json' && format !== 'xlsx') {
      throw new AppError('usage', 'Cần --format json hoặc --format xlsx.', 'Give --format json or --format xlsx.');
    }
    const out = typeof ctx.values.out === 'string' ? ctx.values.out : null;
    if (format === 'xlsx' && !out) throw new AppError('usage', 'Xuất Excel cần --out TỆP.xlsx.', 'xlsx export needs --out FILE.');
    const db = openDatabase({ path: ctx.dbPath, migrationsFolder: migrationsDir() });
    try {
      let count: number;
      if (format === 'json') {
        const records = [...canonicalRecords(db.sqlite, null)].map(({ village: _v, ...r }) => r);
        count = records.length;
        const text = JSON.stringify(records, null, 1) + '\n';
        if (out) writeFileSync(out, text);
        else ctx.io.stdout(text);
      } else {
        count = await writeCanonicalWorkbook(canonicalRecords(db.sqlite, null), out!);
      }
      recordAudit(db, { userId: null, origin: 'cli' }, { action: 'export', detail: { what: 'beneficiaries', format, count, to: out ? 'file' : 'stdout' } });
      if (out) ctx.print({ file: out, format, count }, `Đã xuất ${count} đối tượng ra ${out}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
