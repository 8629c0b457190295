import { useLayoutEffect, useReducer } from 'preact/hooks';
import type { ViewStore } from './view-store';

/** Re-renders the calling component when the store says `id` changed. */
export function useStoreKey(store: ViewStore, id: string): void {
  const [, bump] = useReducer((n: number, _action: void) => n + 1, 0);
  // Layout effect: subscribe before the browser paints, so no change can slip between render and subscription.
  useLayoutEffect(() => store.subscribe(id, bump), [store, id]);
}
