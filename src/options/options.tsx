import { useEffect, useState } from 'preact/hooks';
import { withThreshold } from '../model/thresholds';
import { ThresholdControls } from '../popup/threshold-controls';
import type { Draft, Field } from './draft';
import { HostList } from './host-list';
import { ListField } from './list-field';
import { ResetControl } from './reset-control';
import { useOptionsForm } from './use-options-form';

interface Failure {
  message: string;
  field: Field | null;
}

export function Options() {
  const form = useOptionsForm();
  const { draft, dirty, problems, busy } = form;
  // "Saved." and friends: polite; failures: an alert, and marked on the field they concern.
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    if (dirty.length === 0) return undefined;
    // Closing the tab with unsaved edits asks first.
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty.length]);

  if (!draft) {
    return (
      <p role={form.loadError ? 'alert' : 'status'}>
        {form.loadError ? `Couldn't load the settings: ${form.loadError}` : 'Loading settings…'}
      </p>
    );
  }

  const edit = <F extends Field>(field: F, value: Draft[F]): void => {
    form.set(field, value);
    setNotice(null);
    if (failure?.field === field) setFailure(null);
  };
  const problemOf = (field: Field): string | null =>
    problems[field] ?? (failure?.field === field ? failure.message : null);
  const isDirty = (field: Field): boolean => dirty.includes(field);

  const onSubmit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setNotice(null);
    setFailure(null);
    const outcome = await form.save();
    if (outcome.ok) {
      setNotice(outcome.saved.length > 0 ? 'Saved.' : 'Nothing to save: no changes.');
      return;
    }
    setFailure({ message: outcome.message, field: outcome.field });
    if (outcome.field) document.getElementById(`field-${outcome.field}`)?.focus();
  };

  const onReset = async (): Promise<void> => {
    setNotice(null);
    setFailure(null);
    const outcome = await form.reset();
    if (outcome.ok) setNotice('All settings are back to their defaults.');
    else setFailure({ message: outcome.message, field: null });
  };

  return (
    <>
      <h1>Threshold options</h1>
      <form class="options" onSubmit={(e) => void onSubmit(e)} noValidate>
        <section class="panel" aria-labelledby="thresholds-title">
          <h2 id="thresholds-title">
            Default thresholds
            {isDirty('thresholds') && <span class="field__dirty"> (unsaved)</span>}
          </h2>
          <p class="field__hint">
            Scores run from -1 to 5. The toolbar button changes these too, and every open discussion follows.
          </p>
          <ThresholdControls
            value={draft.thresholds}
            idPrefix="options"
            onChange={(field, value) => edit('thresholds', withThreshold(draft.thresholds, field, value))}
          />
        </section>

        <section class="panel" aria-labelledby="highlight-title">
          <h2 id="highlight-title">Highlighting</h2>
          <ListField
            name="highlightUsers"
            label="Users to highlight"
            hint="One nickname a line. Case doesn't matter."
            noun="user"
            value={draft.highlightUsers}
            onInput={(text) => edit('highlightUsers', text)}
            problem={problemOf('highlightUsers')}
            dirty={isDirty('highlightUsers')}
          />
          <ListField
            name="highlightKeywords"
            label="Keywords to highlight"
            hint="One word or phrase a line, found in comment titles and text. Case doesn't matter."
            noun="keyword"
            value={draft.highlightKeywords}
            onInput={(text) => edit('highlightKeywords', text)}
            problem={problemOf('highlightKeywords')}
            dirty={isDirty('highlightKeywords')}
          />
          <label class="check">
            <input
              type="checkbox"
              name="highlightSubmitter"
              checked={draft.highlightSubmitter}
              onChange={(e) => edit('highlightSubmitter', e.currentTarget.checked)}
            />
            Highlight the story's submitter
            {isDirty('highlightSubmitter') && <span class="field__dirty"> (unsaved)</span>}
          </label>
        </section>

        <section class="panel" aria-labelledby="sites-title">
          <h2 id="sites-title">Sites</h2>
          <HostList
            hosts={draft.disabledHosts}
            dirty={isDirty('disabledHosts')}
            onRemove={(host) =>
              edit(
                'disabledHosts',
                draft.disabledHosts.filter((h) => h !== host),
              )
            }
          />
        </section>

        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy || dirty.length === 0}>
            Save
          </button>
          <p class="actions__status" role="status">
            {notice ?? (dirty.length > 0 ? 'Unsaved changes.' : '')}
          </p>
        </div>
        {failure && (
          <p class="problem" role="alert">
            {failure.message}
          </p>
        )}
      </form>

      <section class="panel panel--reset" aria-labelledby="reset-title">
        <h2 id="reset-title">Start over</h2>
        <ResetControl onReset={onReset} busy={busy} />
      </section>
    </>
  );
}
