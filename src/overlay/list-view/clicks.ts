import type { ViewStore } from '../view-store';
import type { DrawnRows } from './drawn-rows';

/**
 * One listener for every control of the rows. A click counts only on a button the list view
 * made, in its place in a drawn row: a comment body (the page's own markup, moved in) may hold
 * look-alikes.
 */
export function onRowClick(event: Event, rows: DrawnRows, store: ViewStore): void {
  const target = event.target as Element | null;
  const button = target?.closest?.('button');
  if (!button) return;
  const line = button.parentElement;
  const lineRow = line ? rows.rowOf(line) : undefined;
  if (lineRow?.kind === 'placeholder' && line!.lastElementChild === button) {
    store.reveal(lineRow.ids);
    return;
  }
  const art = line?.parentElement;
  const row = art ? rows.rowOf(art) : undefined;
  if (row?.kind !== 'comment' || art!.firstElementChild !== line) return;
  if (button.classList.contains('thr-toggle')) store.toggleCollapsed(row.key);
  else if (button.classList.contains('thr-open')) store.expand(row.key);
}
