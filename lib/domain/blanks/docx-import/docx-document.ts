/**
 * TEMPORARY: the shape of lib/domain/files/read-docx.ts (branch i21/docx-read), declared here until
 * that branch is merged; then this file goes and the imports name read-docx.ts.
 */
export interface DocxCell {
  text: string;
  gridSpan: number;
  vMergeContinue: boolean;
}
export interface DocxDocument {
  paragraphs: string[];
  tables: Array<{ rows: DocxCell[][] }>;
}
