import type { ViewStore } from './view-store';
import { ROOT } from './view-store';
import { useStoreKey } from './use-store';
import { ChildList } from './child-list';
import { SummaryBar } from './summary-bar';

/** The whole reflowed discussion, rendered where the site's own listing was. */
export function Overlay({ store }: { store: ViewStore }) {
  useStoreKey(store, ROOT);
  return (
    <>
      <SummaryBar store={store} />
      <ChildList store={store} parent={null} />
    </>
  );
}
