import { MAX_SCORE, MIN_SCORE, type Thresholds } from '../model/types';

/** The three sliders, in the order the user thinks about them. `name` is the form field name. */
const CONTROLS: ReadonlyArray<{ field: keyof Thresholds; name: string; label: string; hint: string }> = [
  { field: 'full', name: 'threshold', label: 'Full', hint: 'Comments at or above this score are shown whole.' },
  {
    field: 'abbreviated',
    name: 'abbreviated',
    label: 'One line',
    hint: 'At or above this (and below Full): one line. Below: hidden.',
  },
  {
    field: 'breakthrough',
    name: 'breakthrough',
    label: 'Breakthrough',
    hint: 'At or above this: shown even inside a hidden or collapsed thread.',
  },
];

export interface ThresholdControlsProps {
  value: Thresholds;
  onChange: (field: keyof Thresholds, value: number) => void;
  /** Keeps element ids unique if the controls appear twice on one page. */
  idPrefix?: string;
  disabled?: boolean;
  /** Popup size: the hints stay available to screen readers but are not drawn. */
  compact?: boolean;
}

/**
 * Labelled range inputs for the thresholds. Fires on `input` (while dragging or on each
 * arrow key) so the page can follow live; the owner applies `withThreshold` to keep the
 * values consistent and passes the result back in.
 */
export function ThresholdControls({
  value,
  onChange,
  idPrefix = 'th',
  disabled = false,
  compact = false,
}: ThresholdControlsProps) {
  return (
    <fieldset class={compact ? 'thresholds thresholds--compact' : 'thresholds'} disabled={disabled}>
      <legend>Thresholds</legend>
      {CONTROLS.map(({ field, name, label, hint }) => {
        const id = `${idPrefix}-${name}`;
        return (
          <div class="thresholds__row" key={name}>
            <label for={id} class="thresholds__label">
              {label}
            </label>
            <input
              id={id}
              type="range"
              name={name}
              min={MIN_SCORE}
              max={MAX_SCORE}
              step={1}
              value={value[field]}
              aria-describedby={`${id}-hint`}
              onInput={(e) => onChange(field, Number(e.currentTarget.value))}
            />
            <output for={id} class="thresholds__value" aria-hidden="true">
              {value[field]}
            </output>
            <p id={`${id}-hint`} class="thresholds__hint">
              {hint}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
