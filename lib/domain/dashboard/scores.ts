/** Rounds to one decimal, as scores are stored. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The mean of the given scores, one decimal; none given is null. */
export function averageScore(scores: (number | null)[]): number | null {
  const known = scores.filter((s): s is number => s !== null);
  return known.length ? round1(known.reduce((sum, s) => sum + s, 0) / known.length) : null;
}

/** Later minus earlier, in points with one decimal; null when either is unknown. */
export function scoreChange(earlier: number | null, later: number | null): number | null {
  return earlier === null || later === null ? null : round1(later - earlier);
}

/** Rows by score, highest first; unscored last; then by name. */
export function byScoreDescending<R extends { name: string }>(score: (row: R) => number | null) {
  return (a: R, b: R): number => {
    const x = score(a);
    const y = score(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return y - x;
    }
    return a.name.localeCompare(b.name, "ru");
  };
}
