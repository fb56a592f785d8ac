/**
 * What every table import answers: the schools import, the ДОТ records import and
 * the roadmap import, from their routes, their operations and the CLI alike. A file
 * is read whole: either every row with what importing does with it, or the problems
 * that refuse the whole file (then nothing is written). Each import extends the
 * common shape with its own row columns and counts; the import screen
 * (components/imports) reads the common part and the caller's columns.
 */
import { SCHOOL_FIELD_LABELS, type SchoolField } from "@/lib/domain/directory/school-import-plan";
import { z } from "./z";

/** One problem of a file: its row (as the file numbers it) and column (by its header) when it has them. */
const ZImportProblem = z.object({ row: z.number().nullable(), column: z.string().nullable(), message: z.string() });
export type TImportProblem = z.infer<typeof ZImportProblem>;

/**
 * Something the reader tells about the file that refuses nothing, shown with the
 * preview (and with a refusal): how a text was decoded («Кодировка: Windows-1251,
 * разделитель «;»»), the workbook's sheet read («Лист: Дорожная карта»), and each
 * row left out around the table — an explanation under the header, a signature or
 * note under the table — by its row.
 */
export const IMPORT_NOTICE_KINDS = ["encoding", "sheet", "explanation", "left-out"] as const;
const ZImportNotice = z.object({ kind: z.enum(IMPORT_NOTICE_KINDS), message: z.string(), row: z.number().nullable() });
export type TImportNotice = z.infer<typeof ZImportNotice>;

const IMPORT_ACTIONS = ["create", "update", "unchanged"] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** One row of the file and what importing does with it; each import adds the columns its preview shows. */
const ZImportRow = z.object({ row: z.number(), action: z.enum(IMPORT_ACTIONS) });

export const ZImportResult = z.object({
  /** True when nothing was written because only a preview was asked for. */
  dryRun: z.boolean(),
  /** In the file's order; empty when the file is refused. */
  rows: z.array(ZImportRow),
  /** With any, nothing is written and the counts are 0. */
  errors: z.array(ZImportProblem),
  notices: z.array(ZImportNotice),
  /**
   * The workbook's sheets that each hold the table, when none was chosen: the file
   * is refused until the next request names one (`sheet`); else empty.
   */
  sheets: z.array(z.string()),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** The counts of an import whose rows create, update or leave a record as it is. */
const ZImportCounts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
export type TImportCounts = z.infer<typeof ZImportCounts>;

const SCHOOL_FIELDS = Object.keys(SCHOOL_FIELD_LABELS) as [SchoolField, ...SchoolField[]];
const schoolRow = ZImportRow.extend({ name: z.string() });

/** A school of the file: new, changed in the named fields (with its stored name), or as stored. */
const ZSchoolImportRow = z.discriminatedUnion("action", [
  schoolRow.extend({ action: z.literal("create") }),
  schoolRow.extend({ action: z.literal("update"), previousName: z.string(), changes: z.array(z.enum(SCHOOL_FIELDS)) }),
  schoolRow.extend({ action: z.literal("unchanged") }),
]);
export const ZSchoolImportResult = ZImportResult.extend({ ...ZImportCounts.shape, rows: z.array(ZSchoolImportRow) });
export type TSchoolImportRow = z.infer<typeof ZSchoolImportRow>;
export type TSchoolImportResult = z.infer<typeof ZSchoolImportResult>;

/** A student or teacher of the file; `changes` are the ids of the columns an update changes. */
const ZStudentRecordImportRow = ZImportRow.extend({ name: z.string(), changes: z.array(z.string()) });
export const ZStudentRecordImportResult = ZImportResult.extend({ ...ZImportCounts.shape, rows: z.array(ZStudentRecordImportRow) });
export type TStudentRecordImportRow = z.infer<typeof ZStudentRecordImportRow>;
export type TStudentRecordImportResult = z.infer<typeof ZStudentRecordImportResult>;

/** An event of the report: its municipality, dates as read, responsible people and number of documents. */
const ZRoadmapImportRow = ZImportRow.extend({
  municipality: z.string(),
  title: z.string(),
  timing: z.string(),
  people: z.array(z.string()),
  documents: z.number(),
  action: z.enum(["create", "update"]),
});
export const ZRoadmapImportResult = ZImportResult.extend({
  imported: z.number(),
  updated: z.number(),
  /** Registry documents created from the last column (linked ones already existed). */
  documentsCreated: z.number(),
  documentsLinked: z.number(),
  /** The roadmaps written to, one per municipality in the order the rows first name them. */
  planIds: z.array(z.string()),
  rows: z.array(ZRoadmapImportRow),
});
export type TRoadmapImportRow = z.infer<typeof ZRoadmapImportRow>;
export type TRoadmapImportResult = z.infer<typeof ZRoadmapImportResult>;

/** The answer of a refused request: the app's error body (lib/errors), its message in Russian. */
export const ZImportFailure = z.object({ error: z.object({ message: z.string() }) });
