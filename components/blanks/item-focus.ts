/** The id of an item's fieldset: the remark summary and the error lists link to it. */
export const itemAnchor = (itemKey: string) => `item-${itemKey}`;

/** Takes the user to an item that needs them: scrolled into view, focus on its first (invalid) control. */
export function focusItem(itemKey: string): void {
  const item = document.getElementById(itemAnchor(itemKey));
  if (!item) return;
  item.scrollIntoView({ block: "center" });
  const control =
    item.querySelector<HTMLElement>(":is(input, select, textarea)[aria-invalid='true']") ??
    item.querySelector<HTMLElement>("input:not([type='hidden']):not(:disabled), select:not(:disabled), textarea:not(:disabled)") ??
    item;
  control.focus({ preventScroll: true });
}
