/** An ILIKE pattern that finds `text` anywhere, with LIKE's own wildcards in it taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}
