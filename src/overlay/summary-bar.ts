import { countTiers } from '../model/visibility';
import type { ViewStore } from './view-store';

/**
 * One quiet line above the comments saying what Threshold is showing and how to change it.
 * Plain DOM like the rest of the overlay: the content script carries no UI library (its size is
 * part of every page load; the popup and options pages use Preact).
 */
export function mountSummaryBar(host: HTMLElement, store: ViewStore): () => void {
  const doc = host.ownerDocument;
  const bar = doc.createElement('div');
  bar.className = 'thr-summary';
  bar.setAttribute('role', 'status');
  const name = doc.createElement('strong');
  name.textContent = 'Threshold';
  const counts = doc.createTextNode('');
  const levels = doc.createElement('span');
  bar.append(name, counts, levels);
  host.append(bar);

  const update = () => {
    const tiers = countTiers(store.allStates());
    const t = store.getThresholds();
    counts.data = ` · ${store.discussion.all.length} comments: ${tiers.full} full, ${tiers.abbreviated} one-line, ${tiers.hidden} hidden`;
    levels.textContent = ` · full ≥ ${t.full}, one-line ≥ ${t.abbreviated}, breakthrough ≥ ${t.breakthrough}`;
  };
  update();
  const stop = store.onChange(update);
  return () => {
    stop();
    bar.remove();
  };
}
