import { MAX_SCHOOL_FILE_BYTES } from "@/lib/domain/directory/school-file";
import { formulaAsTyped } from "@/lib/domain/files/cell-text";
import { readTableFile, type TableReading, type TableShape } from "@/lib/domain/files/table-file";
import { isRecordHeader, looksLikeRecordHeader, type RecordKind } from "./student-table";

/**
 * A school's students or teachers as a file (XLSX or CSV): the rows of the table,
 * from the workbook's sheet `sheet` when named, else from the one sheet whose
 * header names every column the kind needs (students and teachers apart). Pure.
 */
export function readRecordFile(kind: RecordKind, bytes: Uint8Array, sheet: string | null = null): Promise<TableReading> {
  const shape: TableShape = {
    isHeader: (cells) => isRecordHeader(kind, cells),
    looksLikeHeader: (cells) => looksLikeRecordHeader(kind, cells),
    cellText: formulaAsTyped,
  };
  return readTableFile(bytes, shape, { maxBytes: MAX_SCHOOL_FILE_BYTES, sheet });
}
