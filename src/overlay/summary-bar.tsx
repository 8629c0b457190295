import { useLayoutEffect, useReducer } from 'preact/hooks';
import { countTiers } from '../model/visibility';
import type { ViewStore } from './view-store';

/** One quiet line above the comments saying what Threshold is showing and how to change it. */
export function SummaryBar({ store }: { store: ViewStore }) {
  const [, bump] = useReducer((n: number, _action: void) => n + 1, 0);
  useLayoutEffect(() => store.onChange(bump), [store]);
  const tiers = countTiers(store.allStates());
  const t = store.getThresholds();
  return (
    <div class="thr-summary" role="status">
      <strong>Threshold</strong>
      {` · ${store.discussion.all.length} comments: ${tiers.full} full, ${tiers.abbreviated} one-line, ${tiers.hidden} hidden`}
      <span class="thr-summary-levels">{` · full ≥ ${t.full}, one-line ≥ ${t.abbreviated}, breakthrough ≥ ${t.breakthrough}`}</span>
    </div>
  );
}
