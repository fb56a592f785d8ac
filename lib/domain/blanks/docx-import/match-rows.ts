/**
 * Which template item each row of the blank is: by number AND title, normalised
 * (normalize.ts). Seed 000 prints «1.1.1» twice, so a number names candidates and the
 * title decides; a number alone serves when the title differs a little (with a
 * warning), a title alone when the row has no number. Each item is read once. Pure.
 */
import type { TTemplateItem } from "@/lib/schemas/template";
import type { BlankRow } from "./blank-table";
import { normalizeNumber, normalizeTitle, similarity } from "./normalize";

/** How alike a row's title must be to the item's for its number alone to name it. */
export const TITLE_SIMILARITY = 0.6;

export interface RowMatch {
  row: BlankRow;
  item: TTemplateItem;
  problems: string[];
}
export interface UnmatchedRow {
  where: string;
  text: string;
  reason: string;
}

interface Candidate {
  item: TTemplateItem;
  number: string;
  title: string;
}

const shown = (text: string) => `«${text.length > 80 ? `${text.slice(0, 77)}…` : text}»`;

export function matchRows(rows: BlankRow[], items: TTemplateItem[]): { matches: RowMatch[]; unmatched: UnmatchedRow[] } {
  const candidates: Candidate[] = items.map((item) => ({
    item,
    number: normalizeNumber(item.number),
    title: normalizeTitle(item.title),
  }));
  const readFrom = new Map<string, BlankRow>();
  const matches: RowMatch[] = [];
  const unmatched: UnmatchedRow[] = [];
  for (const row of rows) {
    const found = matchRow(row, candidates, readFrom);
    if ("reason" in found) {
      unmatched.push({ where: row.where, text: row.text, reason: found.reason });
      continue;
    }
    readFrom.set(found.item.key, row);
    matches.push({ row, item: found.item, problems: found.problems });
  }
  return { matches, unmatched };
}

function matchRow(
  row: BlankRow,
  candidates: Candidate[],
  readFrom: Map<string, BlankRow>,
): { item: TTemplateItem; problems: string[] } | { reason: string } {
  const title = normalizeTitle(row.title);
  const free = (c: Candidate) => !readFrom.has(c.item.key);
  const byNumber = row.number ? candidates.filter((c) => c.number === row.number) : [];
  const exact = byNumber.filter((c) => c.title === title);
  if (exact.length) return pick(exact, readFrom, []);

  const scored = byNumber
    .filter(free)
    .map((c) => ({ c, score: title ? similarity(title, c.title) : 0 }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best && !title && scored.length === 1) {
    return { item: best.c.item, problems: [`Наименование в файле не указано: пункт найден по номеру ${row.number}.`] };
  }
  if (best && best.score >= TITLE_SIMILARITY && (!second || best.score - second.score >= 0.1)) {
    return {
      item: best.c.item,
      problems: [`Наименование в файле отличается от бланка: ${shown(row.title)}; пункт найден по номеру ${row.number}.`],
    };
  }

  const byTitle = title ? candidates.filter((c) => c.title === title) : [];
  if (byTitle.length) {
    const numberDiffers = row.number && byTitle.every((c) => c.number !== row.number);
    const warning = numberDiffers
      ? [`Номер в файле ${row.number}, в бланке ${byTitle[0]!.item.number}: пункт найден по наименованию.`]
      : [];
    return pick(byTitle, readFrom, warning);
  }
  if (!row.number) return { reason: "В бланке нет пункта с таким наименованием, а номера в строке нет." };
  if (byNumber.length === 0) return { reason: `В бланке нет пункта ${row.number} с таким наименованием.` };
  if (scored.length === 0) return { reason: `Пункт ${row.number} уже прочитан из строки выше.` };
  return {
    reason:
      byNumber.length > 1
        ? `Номер ${row.number} есть у нескольких пунктов бланка, а наименование не похоже ни на одно из них.`
        : `Наименование не похоже на пункт ${row.number} бланка: ${shown(byNumber[0]!.item.title)}.`,
  };
}

/** The first of the candidates not read yet; a row repeating one already read is not read twice. */
function pick(found: Candidate[], readFrom: Map<string, BlankRow>, problems: string[]) {
  const next = found.find((c) => !readFrom.has(c.item.key));
  if (next) return { item: next.item, problems };
  const earlier = readFrom.get(found[0]!.item.key);
  return { reason: `Пункт ${found[0]!.item.number} уже прочитан из строки выше${earlier ? ` (${earlier.where})` : ""}.` };
}
