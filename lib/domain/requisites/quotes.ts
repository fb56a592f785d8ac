/** Quoted text in documents' requisites: titles and organisations' names in «…», "…", „…“ or “…”. Pure. */

/** Quotes a title may stand in: «…», "…", „…“ (or „…”), “…”. */
const QUOTES: ReadonlyArray<{ open: string; close: string }> = [
  { open: "«", close: "»" },
  { open: '"', close: '"' },
  { open: "„", close: "“”" },
  { open: "“", close: "”" },
];

/**
 * The first quoted text (at least one character) of a text: what
 * /«([^»]+)»|"([^"]+)"|„([^“”]+)[“”]|“([^”]+)”/ finds, in linear time. That
 * regular expression takes quadratic time on a run of opening quotes that are
 * never closed (100 KB of «: a minute and a half).
 */
export function findQuoted(text: string): { index: number; content: string } | null {
  // Per kind of quote: where its closing quote was last looked for, and where it was found (-1: nowhere after).
  const next = QUOTES.map(() => ({ from: -1, at: -1 }));
  for (let i = 0; i < text.length; i++) {
    const kind = QUOTES.findIndex((q) => q.open === text[i]);
    if (kind < 0) continue;
    const cached = next[kind]!;
    if (cached.from === -1 || (cached.at !== -1 && cached.at < i + 1)) {
      let at = i + 1;
      while (at < text.length && !QUOTES[kind]!.close.includes(text[at]!)) at++;
      next[kind] = { from: i + 1, at: at < text.length ? at : -1 };
    }
    const close = next[kind]!.at;
    if (close === -1) continue;
    if (close > i + 1) return { index: i, content: text.slice(i + 1, close) };
  }
  return null;
}

/**
 * Whether a position is inside quotes: more « than » before it, or an odd number
 * of ". Asked at ascending positions, it counts each character once (counting
 * the whole prefix at every position asked was quadratic).
 */
export function quoteCounter(text: string) {
  let position = 0;
  let guillemets = 0;
  let straight = 0;
  return {
    insideAt(index: number): boolean {
      for (; position < index; position++) {
        const c = text[position];
        if (c === "«") guillemets++;
        else if (c === "»") guillemets--;
        else if (c === '"') straight++;
      }
      return guillemets > 0 || straight % 2 === 1;
    },
  };
}
