/**
 * A value too large for extension storage. The message is written for the user (the
 * options page shows it as is); `key` says which setting, `bytes` the size when known.
 */
export class StorageLimitError extends Error {
  override readonly name = 'StorageLimitError';

  constructor(
    readonly key: string,
    message: string,
    readonly bytes: number | null = null,
  ) {
    super(message);
  }
}

/** Whether a rejection from storage.set is the browser refusing for quota reasons. */
export function isQuotaError(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  // Chrome: "QUOTA_BYTES quota exceeded", "QUOTA_BYTES_PER_ITEM quota exceeded", "MAX_ITEMS quota exceeded";
  // Firefox: "QuotaExceededError: storage.sync API call exceeded its quota limitations."
  return /quota/i.test(text);
}
