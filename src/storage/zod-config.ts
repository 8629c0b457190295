// Imported for its side effect by every storage module that uses zod, before any parse.
// `jitless`: zod would otherwise probe `new Function` to compile fast parsers; extension CSPs
// forbid it, and even the caught attempt is reported as a CSP violation.
// (Import zod/mini itself with `import * as z from 'zod/mini'` in each module: re-exporting the
// namespace from here would defeat esbuild's tree shaking and pull in all of zod.)
import { config } from 'zod/mini';

config({ jitless: true });
