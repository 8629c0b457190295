import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageStatus } from '../shared/messages';
import { askStatus, onTabStatus } from './page-status';

export type StatusState =
  | { phase: 'loading' }
  /** Nobody answered: no content script in the tab. */
  | { phase: 'absent' }
  | { phase: 'ready'; status: PageStatus };

/**
 * The tab's status, from GET_STATUS answers and STATUS_CHANGED broadcasts. Each request and
 * each broadcast takes a sequence number and only something newer than what is shown is
 * applied, so a slow answer to an old request cannot undo a later broadcast.
 */
export function usePageStatus(tabId: number | null): {
  state: StatusState;
  /** Asks again; resolves with the answer (null: nobody answered). */
  refresh: () => Promise<PageStatus | null>;
} {
  const [state, setState] = useState<StatusState>({ phase: 'loading' });
  const seq = useRef(0);
  const applied = useRef(0);

  const apply = useCallback((ticket: number, status: PageStatus | null) => {
    if (ticket <= applied.current) return;
    applied.current = ticket;
    setState(status ? { phase: 'ready', status } : { phase: 'absent' });
  }, []);

  const refresh = useCallback(async (): Promise<PageStatus | null> => {
    if (tabId === null) return null;
    const ticket = ++seq.current;
    const status = await askStatus(tabId);
    apply(ticket, status);
    return status;
  }, [tabId, apply]);

  useEffect(() => {
    if (tabId === null) return undefined;
    const unsubscribe = onTabStatus(tabId, (status) => apply(++seq.current, status));
    void refresh();
    return unsubscribe;
  }, [tabId, refresh, apply]);

  return { state, refresh };
}
