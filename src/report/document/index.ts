// Report documents: the model (buildReport) and its HTML, PDF and DOCX renderings.
export { buildReport, SILENCE_LISTED } from './build-report.ts';
export { renderReportHtml } from './html.ts';
export { renderReportPdf, type PdfOptions } from './pdf.ts';
export { renderReportDocx, type DocxOptions } from './docx.ts';
export { reportPeriod } from './period.ts';
export { TEXTS, textsOf, type ReportTexts } from './texts.ts';
export { MIN_TONE_MENTIONS } from './findings.ts';
export type * from './types.ts';
