import { itemBytes, SYNC_QUOTA_BYTES_PER_ITEM } from '../storage/limits';
import { parseList } from './draft';

export interface ListFieldProps {
  /** Also the storage key, used to size the list the way the browser will. */
  name: 'highlightUsers' | 'highlightKeywords';
  label: string;
  hint: string;
  /** Singular noun for the count ("user" → "3 users"). */
  noun: string;
  value: string;
  onInput: (text: string) => void;
  problem: string | null;
  dirty: boolean;
}

/** Past this share of the sync item limit, show how much of it the list uses. */
const SHOW_SIZE_FROM = 0.75;

/** A textarea for a one-entry-a-line list, with a live count and its problems next to it. */
export function ListField({ name, label, hint, noun, value, onInput, problem, dirty }: ListFieldProps) {
  const { items, duplicates } = parseList(value);
  const bytes = itemBytes(name, items);
  const id = `field-${name}`;
  const describedBy = [`${id}-hint`, `${id}-count`, problem ? `${id}-problem` : null].filter(Boolean).join(' ');

  return (
    <div class={`field${problem ? ' field--invalid' : ''}`}>
      <label for={id} class="field__label">
        {label}
        {dirty && <span class="field__dirty"> (unsaved)</span>}
      </label>
      <p id={`${id}-hint`} class="field__hint">
        {hint}
      </p>
      <textarea
        id={id}
        name={name}
        rows={6}
        spellcheck={false}
        value={value}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p id={`${id}-count`} class="field__count" data-count={items.length}>
        {items.length} {items.length === 1 ? noun : `${noun}s`}
        {duplicates > 0 && ` (${duplicates} repeated ${duplicates === 1 ? 'line' : 'lines'} will be dropped)`}
        {bytes >= SYNC_QUOTA_BYTES_PER_ITEM * SHOW_SIZE_FROM &&
          ` · ${kb(bytes)} of ${kb(SYNC_QUOTA_BYTES_PER_ITEM)} KB sync limit`}
      </p>
      {problem && (
        <p id={`${id}-problem`} class="field__problem">
          {problem}
        </p>
      )}
    </div>
  );
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1).replace(/\.0$/, '');
}
