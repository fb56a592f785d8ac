/**
 * The names of the parts of a ZIP-based document (XLSX, DOCX), held to one
 * canonical spelling before any reader sees them. Readers disagree on the rest:
 * JSZip (under exceljs) resolves "." and ".." and drops empty segments, exceljs
 * strips a leading "/" and matches part names with unanchored, case-sensitive
 * patterns, Excel compares names ignoring case, Windows tools take "\" for "/"
 * and drop trailing dots. A name that any two of them could read differently is
 * refused, so that what the guard inspects is what the reader loads. Pure.
 */

export type EntryNameProblem = "path" | "invisible" | "undecodable";

/** "/x", "\\x", "C:…", "a\\b", "a//b", "./a", "a/../b", "a./b", "a%2Fb": a path, not a part name. */
function isPathLike(name: string): boolean {
  if (name.includes("\\") || name.includes(":")) return true;
  if (/%(?:2f|5c|2e)/iu.test(name)) return true;
  // A folder's entry ends with "/": its last segment is the empty one after it.
  const segments = name.endsWith("/") ? name.slice(0, -1).split("/") : name.split("/");
  return segments.some((segment) => segment === "" || segment.endsWith(".") || segment.endsWith(" "));
}

/** Why a part's name is not canonical, or null when it is. */
export function entryNameProblem(name: string): EntryNameProblem | null {
  // The decoder's replacement character: bytes that are no UTF-8 text.
  if (name.includes("\ufffd")) return "undecodable";
  // Control characters (NUL, line breaks) and invisible format characters (zero-width, right-to-left marks).
  if (/[\p{Cc}\p{Cf}]/u.test(name)) return "invisible";
  if (name === "" || isPathLike(name)) return "path";
  return null;
}

/**
 * The key two spellings of one part share: Unicode normalised and case folded,
 * since Excel (and the OPC standard) compare part names ignoring case.
 */
export function entryNameKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

const WHY: Record<EntryNameProblem | "duplicate" | "mismatch", string> = {
  path: "имя одной из его частей — путь («/» или «\\» в начале, буква диска, «.», «..» или пустое звено), а не имя части документа",
  invisible: "имя одной из его частей содержит управляющие или невидимые символы",
  undecodable: "имя одной из его частей не читается как текст",
  duplicate: "две его части названы одинаково (без учёта регистра букв)",
  mismatch: "имена частей в оглавлении архива и в самих частях не совпадают",
};

/** The Russian refusal for a name problem, for the person who chose the file. */
export function entryNameRefusal(problem: EntryNameProblem | "duplicate" | "mismatch"): string {
  return `Файл устроен не так, как документы Excel и Word: ${WHY[problem]}. Такой файл не принимается — откройте его в Excel или Word и сохраните заново.`;
}

/**
 * The first problem with the names of an archive's parts: a name that is not
 * canonical, or two names that are one part for a reader that ignores case.
 */
export function entryNamesProblem(names: readonly string[]): EntryNameProblem | "duplicate" | null {
  const seen = new Set<string>();
  for (const name of names) {
    const problem = entryNameProblem(name);
    if (problem) return problem;
    const key = entryNameKey(name);
    if (seen.has(key)) return "duplicate";
    seen.add(key);
  }
  return null;
}
