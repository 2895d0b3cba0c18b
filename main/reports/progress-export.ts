import type { ProgressReport } from './progress-report';
import { progressDocument, villageShareDocument, type ReportDocument } from './report-document';
import { writeReportPdf } from './report-pdf';
import { writeReportWorkbook } from './report-workbook';

export interface ReportSheet {
  name: string;
  doc: ReportDocument;
}

/** One report or several, as a workbook (a sheet each) or a printable PDF (a page each), in the official layout. */
export async function writeReportFile(file: string, format: 'xlsx' | 'pdf', sheets: readonly ReportSheet[]): Promise<void> {
  if (format === 'xlsx') await writeReportWorkbook(file, sheets);
  else await writeReportPdf(file, sheets.map((s) => s.doc));
}

/**
 * The progress report (under a periodic report's own title and sheet name, if given) and, when anything was paid
 * during the period, its cash-less share per village on a sheet of its own.
 */
export function progressSheets(report: ProgressReport, options: { date: Date; preparedBy: string | null },
  as: { name: string; title?: string } = { name: 'Tiến độ' }): ReportSheet[] {
  const doc = progressDocument(report, options.date, options.preparedBy);
  const villages = villageShareDocument(report, options.date, options.preparedBy);
  return [{ name: as.name, doc: as.title ? { ...doc, title: as.title } : doc }, ...(villages ? [{ name: 'Theo thôn', doc: villages }] : [])];
}

/** The progress report as a workbook or a printable PDF, in the official layout. */
export async function writeProgress(report: ProgressReport, format: 'xlsx' | 'pdf', file: string, options: { date: Date; preparedBy: string | null }): Promise<void> {
  await writeReportFile(file, format, progressSheets(report, options));
}
