import type { ProgressReport } from './progress-report';
import { progressDocument } from './report-document';
import { writeReportPdf } from './report-pdf';
import { writeReportWorkbook } from './report-workbook';

/** The progress report as a workbook or a printable PDF, in the official layout. */
export async function writeProgress(report: ProgressReport, format: 'xlsx' | 'pdf', file: string, options: { date: Date; preparedBy: string | null }): Promise<void> {
  const doc = progressDocument(report, options.date, options.preparedBy);
  if (format === 'xlsx') await writeReportWorkbook(file, doc, 'Tiến độ');
  else await writeReportPdf(file, doc);
}
