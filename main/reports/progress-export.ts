import type { ProgressReport } from './progress-report';
import { progressDocument, villageShareDocument } from './report-document';
import { writeReportPdf } from './report-pdf';
import { writeReportWorkbook } from './report-workbook';

/** The progress report as a workbook or a printable PDF, in the official layout. */
export async function writeProgress(report: ProgressReport, format: 'xlsx' | 'pdf', file: string, options: { date: Date; preparedBy: string | null }): Promise<void> {
  const doc = progressDocument(report, options.date, options.preparedBy);
  const villages = villageShareDocument(report, options.date, options.preparedBy);
  if (format === 'xlsx') await writeReportWorkbook(file, [{ name: 'Tiến độ', doc }, ...(villages ? [{ name: 'Theo thôn', doc: villages }] : [])]);
  else await writeReportPdf(file, villages ? [doc, villages] : [doc]);
}
