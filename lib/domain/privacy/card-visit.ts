/**
 * One visit to a child's card is one read. A visit is the reader's time on the card: the
 * page rendered again (a refresh, the render after a save, a second tab) by the same reader
 * within this window is the same visit, and is not logged again; the log keeps when the
 * visit began. Ten minutes covers a reading and an edit of the card; a reader who comes
 * back later is logged again. Pure.
 */
export const CARD_VISIT_MINUTES = 10;

/** The earliest read of the current visit: a logged read at or after this time covers a read at `now`. */
export const visitStart = (now: Date) => new Date(now.getTime() - CARD_VISIT_MINUTES * 60_000);
