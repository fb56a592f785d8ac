import type { DocxDocument } from "./docx-data";

/** Parses word/document.xml, given as text in chunks; throws on XML that is not well formed or holds a DOCTYPE. */
export function parseDocumentXml(chunks: Iterable<string>): DocxDocument;
