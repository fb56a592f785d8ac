import "server-only";
import { Packer } from "docx";
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { docxDocument } from "@/lib/domain/reports/docx/document";

/** A report's pdfmake definition as the bytes of its Word twin (lib/domain/reports/docx). */
export async function renderDocx(definition: TDocumentDefinitions): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(definition));
}
