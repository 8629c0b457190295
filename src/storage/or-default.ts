import * as z from 'zod/mini';
import './zod-config';

/**
 * `schema`, or `fallback()` for a value it rejects: what zod's `z.catch(schema, fallback)`
 * does. zod/mini's own catch reaches its helpers through a namespace (`core.util`), which
 * keeps every one of them in the bundle, about 3 KB of the content script's gzip budget.
 */
export function orDefault<T>(schema: z.ZodMiniType<T>, fallback: () => T) {
  return z.pipe(
    // optional: a field missing from the stored object also gets its fallback, as with catch.
    z.optional(z.unknown()),
    z.transform((value): T => {
      const r = schema.safeParse(value);
      return r.success ? r.data : fallback();
    }),
  );
}
