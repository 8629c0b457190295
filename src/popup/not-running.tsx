import type { PageKind } from './target-tab';

export interface NotRunningProps {
  page: PageKind;
  /** Null while no request is possible (not a web page). */
  onEnable: (() => void) | null;
  busy: boolean;
  problem: string | null;
}

/** No content script answered. On a web page, offer to enable Threshold there. */
export function NotRunning({ page, onEnable, busy, problem }: NotRunningProps) {
  if (page.kind === 'restricted') {
    return (
      <section class="notice">
        <h1 class="notice__title">Threshold can't run here</h1>
        <p>The browser doesn't let extensions change its own pages ({page.scheme}:).</p>
      </section>
    );
  }
  if (page.kind === 'unknown') {
    return (
      <section class="notice">
        <h1 class="notice__title">Threshold doesn't run on this page.</h1>
      </section>
    );
  }
  return (
    <section class="notice">
      <h1 class="notice__title">Threshold doesn't run on {page.host}.</h1>
      <p>If this site has Slashdot-style discussions, Threshold can try to read them.</p>
      {onEnable && (
        <button type="button" class="button button--primary" onClick={onEnable} disabled={busy}>
          Enable on {page.host}
        </button>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
