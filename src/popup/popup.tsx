import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { withThreshold } from '../model/thresholds';
import type { Thresholds } from '../model/types';
import type { PageStatus } from '../shared/messages';
import { injectNow, requestSite } from '../shared/site-access';
import { NotRecognized } from './not-recognized';
import { NotRunning } from './not-running';
import { ScoreChart } from './score-chart';
import { SiteSwitch } from './site-switch';
import { StorySummary } from './story-summary';
import { classifyUrl, findTargetTab, type TargetTab } from './target-tab';
import { ThresholdControls } from './threshold-controls';
import { TierCounts } from './tier-counts';
import { usePageStatus } from './use-page-status';
import { useSettings } from './use-settings';

/** After injecting, the new content script may need a moment before it answers. */
const INJECT_RETRIES = 3;
const INJECT_RETRY_MS = 150;

export function Popup({ search }: { search: string }) {
  // undefined: still looking; null: no tab to report on.
  const [tab, setTab] = useState<TargetTab | null | undefined>(undefined);
  useEffect(() => {
    findTargetTab(search).then(setTab, () => setTab(null));
  }, [search]);

  const { state, refresh } = usePageStatus(tab ? tab.id : null);
  const { settings, error, save } = useSettings();
  const [enabling, setEnabling] = useState(false);
  const [enableProblem, setEnableProblem] = useState<string | null>(null);

  const page = classifyUrl(tab?.url ?? null);
  const status = state.phase === 'ready' ? state.status : null;
  // The content script's idea of the host wins: it is what it compares disabledHosts with.
  const host = status?.host ?? (page.kind === 'web' ? page.host : null);

  const onThreshold = (field: keyof Thresholds, value: number): void => {
    if (!settings) return;
    const next = withThreshold(settings.thresholds, field, value);
    if (sameThresholds(next, settings.thresholds)) return;
    // The page follows storage.onChanged and broadcasts STATUS_CHANGED; re-asking is the
    // fallback for a content script that has not broadcast (yet).
    void save({ thresholds: next }).then((ok) => {
      if (ok) void refresh();
    });
  };

  const onToggleSite = (enabled: boolean): void => {
    if (!settings || host === null) return;
    const rest = settings.disabledHosts.filter((h) => h !== host);
    void save({ disabledHosts: enabled ? rest : [...rest, host] }).then((ok) => {
      if (ok) void refresh();
    });
  };

  const onEnable = (): void => {
    if (page.kind !== 'web' || !tab) return;
    // permissions.request must run inside the click handler (user gesture), before any await.
    const granted = requestSite(page.origin);
    setEnabling(true);
    setEnableProblem(null);
    void (async () => {
      try {
        if (!(await granted)) {
          setEnableProblem(`Threshold needs your permission to read pages on ${page.host}.`);
          return;
        }
        if (settings?.disabledHosts.includes(page.host)) {
          await save({ disabledHosts: settings.disabledHosts.filter((h) => h !== page.host) });
        }
        await injectNow(tab.id);
        let answer: PageStatus | null = null;
        for (let i = 0; i < INJECT_RETRIES && answer === null; i++) {
          if (i > 0) await delay(INJECT_RETRY_MS);
          answer = await refresh();
        }
        if (answer === null) setEnableProblem(`Enabled. Reload the page on ${page.host} to see Threshold.`);
      } catch (e) {
        setEnableProblem(`Couldn't enable Threshold here: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setEnabling(false);
      }
    })();
  };

  let body;
  if (tab === undefined || (tab !== null && state.phase === 'loading')) {
    body = (
      <p class="loading" role="status">
        Looking at this tab…
      </p>
    );
  } else if (tab === null) {
    body = (
      <section class="notice">
        <h1 class="notice__title">No tab to look at.</h1>
      </section>
    );
  } else if (status === null) {
    body = (
      <NotRunning
        page={page}
        onEnable={page.kind === 'web' ? onEnable : null}
        busy={enabling}
        problem={enableProblem}
      />
    );
  } else {
    body = (
      <>
        {status.recognized ? (
          <RecognizedView status={status} thresholds={settings?.thresholds ?? null} onThreshold={onThreshold} />
        ) : (
          <NotRecognized host={status.host} reason={status.reason} />
        )}
        {host !== null && (
          <SiteSwitch
            host={host}
            enabled={!(settings?.disabledHosts.includes(host) ?? false)}
            disabled={!settings}
            onToggle={onToggleSite}
          />
        )}
      </>
    );
  }

  return (
    <>
      {body}
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      <footer class="popup__footer">
        <a
          href="options.html"
          class="popup__options"
          onClick={(e) => {
            e.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          Options
        </a>
      </footer>
    </>
  );
}

type Recognized = Extract<PageStatus, { recognized: true }>;

function RecognizedView({
  status,
  thresholds,
  onThreshold,
}: {
  status: Recognized;
  thresholds: Thresholds | null;
  onThreshold: (field: keyof Thresholds, value: number) => void;
}) {
  return (
    <>
      <StorySummary status={status} />
      {!status.active && (
        <p class="note">Threshold is switched off here: the page shows comments as the site rendered them.</p>
      )}
      <ScoreChart byScore={status.byScore} unknownScore={status.unknownScore} thresholds={thresholds} />
      <TierCounts tiers={status.tiers} />
      {thresholds && <ThresholdControls value={thresholds} onChange={onThreshold} idPrefix="popup" compact />}
    </>
  );
}

function sameThresholds(a: Thresholds, b: Thresholds): boolean {
  return a.full === b.full && a.abbreviated === b.abbreviated && a.breakthrough === b.breakthrough;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
