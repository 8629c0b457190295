// The hostile-input corpus, for the unit tests (test/unit/hostile) and for an end-to-end test in
// real browsers. Dependency-free string building: bundle it with esbuild to use it from .mjs.
//
// How an e2e test should read the results: some payloads run *by themselves* when a browser loads
// the page (an <img onerror> in a comment body is the site's problem, not Threshold's). So compare
// with a baseline: load the page without Threshold, then with it, and read window.__thrPwned in
// the page's main world each time. With Threshold the list must not grow — no new id, no id more
// often (a copied body would fire its handlers a second time) — also after clicking every link and
// button inside [data-threshold-root] that is not inside a moved comment body or signature.
// One exception to expect: a frame is loaded again each time its element is inserted into the
// document, so payloads in <iframe>/<object>/<embed> inside a *moved* body or signature run again
// whenever Threshold moves that body (mount, a comment shown again after a threshold change or a
// collapse). test/unit/hostile/overlay-hostile.test.tsx shows this in jsdom.

export {
  ATTRIBUTE_PAYLOADS,
  MARKUP_PAYLOADS,
  PWNED_GLOBAL,
  pwn,
  TEXT_PAYLOADS,
  URL_PAYLOADS,
  type AttributePayload,
  type MarkupPayload,
  type TextPayload,
  type UrlPayload,
} from './payloads';
export {
  escapeHtml,
  HOSTILE_URL,
  hostileSlashdotPage,
  type HostileComment,
  type HostilePage,
  type PayloadKind,
  type Position,
} from './slashdot-page';
export { createRng, type Rng } from './rng';
