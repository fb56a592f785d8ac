/** Blanks whose scores and item statuses count in the results: sent for review or accepted. */
export const COUNTED_STATUSES = ["SUBMITTED", "ACCEPTED"] as const;
