import { useEffect, useRef, useState } from 'preact/hooks';

export interface ResetControlProps {
  onReset: () => Promise<void>;
  busy: boolean;
}

/**
 * "Reset to defaults", confirmed in place rather than with window.confirm: it stays in the
 * page's own style, works with the keyboard, and is testable. Focus moves to Cancel, the
 * safe choice, when the question appears, and back to the button when it goes.
 */
export function ResetControl({ onReset, busy }: ResetControlProps) {
  const [asking, setAsking] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" class="button" ref={openRef} onClick={() => setAsking(true)} disabled={busy}>
        Reset to defaults…
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-labelledby="reset-question">
      <p id="reset-question">
        Reset all settings to their defaults? This empties your highlight lists and switches Threshold back on for
        every site.
      </p>
      <div class="confirm__actions">
        <button
          type="button"
          class="button button--danger"
          name="confirm-reset"
          disabled={busy}
          onClick={() => {
            void onReset().finally(() => setAsking(false));
          }}
        >
          Reset
        </button>
        <button type="button" class="button" ref={cancelRef} onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
