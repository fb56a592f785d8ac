/**
 * The "responsible" cell of a plan event, split into people, organisations and
 * roles. Seed 002 writes people ("Полякова Н.П., Петрова Т.А., Ваховский Ф.И.",
 * sometimes with no separator: "Петрова Т.А. Ваховский Ф.И.") or an organisation
 * ("МНЦ"); seed 004 writes positions ("директор КМЦ, специалисты КМЦ",
 * "Руководители ОО директор КМЦ, ответственный специалист"). Pure.
 *
 * Nothing is ever dropped: every fragment of the input that is not a person and
 * not a role ends up in `organizations`, so `joinResponsible(splitResponsible(x))`
 * keeps every word of `x`. The one exception is a bare "и" between two people
 * ("Петрова Т.А. и Ваховский Ф.И."), which is a separator, not a name.
 */

export interface Responsible {
  people: string[];
  organizations: string[];
  roles: string[];
}

const UPPER = "А-ЯЁ";
const LOWER = "а-яё";
/** "Петрова", "Римский-Корсаков". */
const SURNAME = `[${UPPER}][${LOWER}]+(?:-[${UPPER}][${LOWER}]+)?`;
/** "Петрова Т.А.", "Петрова Т. А.", "Петрова Т." */
const SURNAME_FIRST = `(?<![${UPPER}${LOWER}-])(${SURNAME})\\s+([${UPPER}])\\.(?:\\s?([${UPPER}])\\.)?(?![${LOWER}])`;
/** "Т.А. Петрова", "Т. А. Петрова", "О.А.Саркисян". */
const INITIALS_FIRST = `(?<![${UPPER}${LOWER}.])([${UPPER}])\\.\\s?([${UPPER}])\\.\\s?(${SURNAME})`;
const PERSON_RE = new RegExp(`${SURNAME_FIRST}|${INITIALS_FIRST}`, "gu");

const NAME = `[${UPPER}][${LOWER}]+`;
const PATRONYMIC = `[${UPPER}][${LOWER}]+(?:вна|ична|ич)`;
/** "Плесецкая Олеся Васильевна" or "Олеся Васильевна Плесецкая", as a whole fragment. */
const FULL_NAME_RE = new RegExp(`^(?:${SURNAME} ${NAME} ${PATRONYMIC}|${NAME} ${PATRONYMIC} ${SURNAME})$`, "u");

/**
 * Words a position starts with, in any case and form ("директор", "Директор",
 * "зам.", "Зам.директора", "специалисты", "ответственный специалист").
 */
const ROLE_START_RE = new RegExp(
  "^(?:и\\.\\s?о\\.|зам\\.|(?:" +
    [
      "врио",
      "зам",
      "замдиректора",
      "заместител[ьяиюем]{1,2}",
      "директор(?:а|у|ом|ы|ов)?",
      "специалист(?:а|у|ом|ы|ов)?",
      "руководител(?:ь|я|ю|ем|и|ей)",
      "тьютор(?:а|у|ом|ы|ов)?",
      "наставник(?:а|у|ом|и|ов)?",
      "методист(?:а|у|ом|ы|ов)?",
      "куратор(?:а|у|ом|ы|ов)?",
      "начальник(?:а|у|ом|и|ов)?",
      "председател(?:ь|я|ю|ем|и|ей)",
      "координатор(?:а|у|ом|ы|ов)?",
      "эксперт(?:а|у|ом|ы|ов)?",
      "заведующ(?:ий|ая|его|ей|ие|их)",
      "педагог(?:а|у|ом|и|ов)?(?:-[а-яё]+)?",
      "учител(?:ь|я|ю|ем|и|ей)(?:-[а-яё]+)?",
      "сотрудник(?:а|у|ом|и|ов)?",
      "работник(?:а|у|ом|и|ов)?",
      "инспектор(?:а|у|ом|ы|ов)?",
      "консультант(?:а|у|ом|ы|ов)?",
      "секретар(?:ь|я|ю|ем|и|ей)",
      "член(?:а|у|ом|ы|ов)?",
      "представител(?:ь|я|ю|ем|и|ей)",
      "ответственн(?:ый|ая|ого|ой|ые|ых)",
      "старш(?:ий|ая|его|ей|ие|их)",
      "ведущ(?:ий|ая|его|ей|ие|их)",
      "главн(?:ый|ая|ого|ой|ые|ых)",
    ].join("|") +
    ")(?![а-яё]))",
  "u",
);

/**
 * Nominative positions that may begin a new role in the middle of a fragment
 * ("Руководители ОО директор КМЦ"). Genitive forms ("заместитель директора")
 * never split.
 */
const ROLE_SPLIT_RE =
  /^(?:и\.\s?о\.|зам\.|(?:врио|зам|заместител[ьи]|директор[ы]?|специалист[ы]?|руководител[ьи]|тьютор[ы]?|наставник[и]?|методист[ы]?|куратор[ы]?|начальник[и]?|председател[ьи]|координатор[ы]?|эксперт[ы]?|заведующ(?:ий|ая|ие)|педагог[и]?|учител[ьи]|сотрудник[и]?|работник[и]?|инспектор[ы]?|консультант[ы]?|секретар[ьи]|член[ы]?|представител[ьи]|ответственн(?:ый|ая|ые)|старш(?:ий|ая|ие)|ведущ(?:ий|ая|ие)|главн(?:ый|ая|ые))(?![а-яё]))/u;

/** An abbreviation ("ОО", "КМЦ", "МКУ") or the end of a quoted name ("центр»"): where an organisation name ends. */
const NAME_END_RE = /^(?:[А-ЯЁA-Z0-9№-]{2,}|.*[»"”)])$/u;

const squeeze = (text: string) => text.replace(/[\s\u00A0]+/gu, " ").trim();

/** Trim separators left at the edges of a fragment: commas, semicolons, colons and free-standing dashes. */
const trimSeparators = (text: string) => text.replace(/^(?:[\s,;:]|[–—-](?=\s|$))+/u, "").replace(/(?:[\s,;:]|(?<=^|\s)[–—-])+$/u, "");

/** Split on commas, semicolons and line breaks that are not inside quotes or parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inStraightQuotes = false;
  let current = "";
  for (const ch of text) {
    if (ch === "«" || ch === "(" || ch === "[" || ch === "„") depth += 1;
    else if ((ch === "»" || ch === ")" || ch === "]" || ch === "“") && depth > 0) depth -= 1;
    else if (ch === '"') inStraightQuotes = !inStraightQuotes;
    if ((ch === "," || ch === ";" || ch === "\n" || ch === "\r") && depth === 0 && !inStraightQuotes) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** "Петрова", "Т", "А" → "Петрова Т.А."; the second initial may be missing. */
const formatPerson = (surname: string, first: string, second: string | undefined) => `${surname} ${first}.${second ? `${second}.` : ""}`;

interface Piece {
  kind: "person" | "text";
  value: string;
}

/**
 * Whether the fragment's text before `index` ends with «им.» or «имени» (and a
 * space): looked for in the last few characters only, as testing the whole
 * prefix at every name was quadratic (a cell of 100 KB of names: seconds).
 * Fragments are squeezed, so one space at most follows the word.
 */
function endsWithNamedAfter(fragment: string, index: number): boolean {
  const start = Math.max(0, index - 16);
  const tail = fragment.slice(start, index);
  return (start === 0 ? /(?:^|\s)(?:им\.|имени)\s*$/iu : /\s(?:им\.|имени)\s*$/iu).test(tail);
}

/** A fragment's people with initials (in either order) and the text between them, in order. */
function extractPeople(fragment: string): Piece[] {
  const pieces: Piece[] = [];
  let cursor = 0;
  PERSON_RE.lastIndex = 0;
  for (let match = PERSON_RE.exec(fragment); match; match = PERSON_RE.exec(fragment)) {
    const [whole, surnameA, firstA, secondA, firstB, secondB, surnameB] = match;
    const before = fragment.slice(cursor, match.index);
    // "школа им. Пушкина А.С." names a school, not a person in charge.
    const namesAnInstitution = endsWithNamedAfter(fragment, match.index);
    // "Директор О.В. Плесецкая": the capitalised word before the initials is a position, not a surname.
    const positionAsSurname = surnameA !== undefined && ROLE_START_RE.test(surnameA.toLowerCase());
    if (namesAnInstitution) continue;
    if (positionAsSurname) {
      PERSON_RE.lastIndex = match.index + surnameA.length;
      continue;
    }
    pieces.push({ kind: "text", value: before });
    pieces.push({
      kind: "person",
      value: surnameA !== undefined ? formatPerson(surnameA, firstA!, secondA) : formatPerson(surnameB!, firstB!, secondB),
    });
    cursor = match.index + whole.length;
  }
  pieces.push({ kind: "text", value: fragment.slice(cursor) });
  return pieces;
}

/** "Руководители ОО директор КМЦ" → ["Руководители ОО", "директор КМЦ"]. */
function splitRoles(fragment: string): string[] {
  const words = fragment.split(" ");
  const out: string[] = [];
  let current: string[] = [];
  words.forEach((word, i) => {
    const previous = words[i - 1];
    if (i > 0 && previous !== undefined && NAME_END_RE.test(previous) && ROLE_SPLIT_RE.test(word.toLowerCase()) && current.length > 0) {
      out.push(current.join(" "));
      current = [];
    }
    current.push(word);
  });
  if (current.length > 0) out.push(current.join(" "));
  return out;
}

export function splitResponsible(text: string): Responsible {
  const result: Responsible = { people: [], organizations: [], roles: [] };
  for (const rawPart of splitTopLevel(text)) {
    const part = squeeze(rawPart);
    if (!part) continue;
    const pieces = extractPeople(part);
    const hasPeople = pieces.some((p) => p.kind === "person");
    for (const piece of pieces) {
      if (piece.kind === "person") {
        result.people.push(piece.value);
        continue;
      }
      const fragment = trimSeparators(squeeze(piece.value));
      if (!fragment) continue;
      // "Петрова Т.А. и Ваховский Ф.И.": the conjunction only separates two people.
      if (hasPeople && fragment.toLowerCase() === "и") continue;
      if (FULL_NAME_RE.test(fragment)) {
        result.people.push(fragment);
        continue;
      }
      for (const piece of splitRoles(fragment)) {
        if (ROLE_START_RE.test(piece.toLowerCase())) result.roles.push(piece);
        else result.organizations.push(piece);
      }
    }
  }
  return result;
}

/** Back to one cell, the way seed 002 writes it: people first, then organisations, then roles, all joined by ", ". */
export function joinResponsible(r: Responsible): string {
  return [...r.people, ...r.organizations, ...r.roles]
    .map(squeeze)
    .filter((s) => s.length > 0)
    .join(", ");
}
