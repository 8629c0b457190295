// Hostile strings for Threshold's security tests. Every payload, if it ever runs, appends its
// id to a global list, so a test in a real browser can tell exactly which one ran and how often:
//
//   window.__thrPwned = (window.__thrPwned || []).concat('<payload id>')
//
// Three kinds, by where a page can carry them:
// - markup: raw HTML, as a site that failed to escape would serve it (comment bodies and
//   signatures are user HTML on Slashdot; in titles, names and reasons it would be a site bug);
// - text: strings that *look* like markup, served escaped, so the page shows them as text and
//   so must we (titles, nicknames, reasons, signatures, subjects in D2's inline script);
// - url: attribute values for links (author link, permalink, parent link, one-liner link).
//
// Pure string building (no DOM, no Node APIs), so an e2e test can bundle it with esbuild.

/** The global a payload appends its id to when it runs. */
export const PWNED_GLOBAL = '__thrPwned';

/** The statement a payload runs; `target` is the window to mark (an iframe marks its parent). */
export function pwn(id: string, target = 'window'): string {
  if (!/^[\w:/.-]+$/.test(id)) throw new Error(`payload id "${id}" must be plain (it goes inside quotes)`);
  return `${target}.${PWNED_GLOBAL}=(${target}.${PWNED_GLOBAL}||[]).concat('${id}')`;
}

/** Every character as a decimal character reference (a filter looking for "javascript" misses it). */
function entities(s: string): string {
  return [...s].map((c) => `&#${c.codePointAt(0)};`).join('');
}

function base64(s: string): string {
  // btoa exists in browsers and in Node >= 16; payload text is ASCII.
  return btoa(s);
}

export interface MarkupPayload {
  name: string;
  /** Raw HTML for a payload instance whose id is `id`. */
  html(id: string): string;
}

export interface TextPayload {
  name: string;
  /** The text as the page shows it (the page escapes it; we must show it as is). */
  text(id: string): string;
}

export interface UrlPayload {
  name: string;
  /** The attribute value *as written in the HTML source* (entities allowed). */
  attr(id: string): string;
}

export const MARKUP_PAYLOADS: readonly MarkupPayload[] = [
  { name: 'script-inline', html: (id) => `<script>${pwn(id)}</script>` },
  { name: 'script-mixed-case', html: (id) => `<ScRiPt type="text/javascript">${pwn(id)}</ScRiPt>` },
  { name: 'script-src-data', html: (id) => `<script src="data:text/javascript,${encodeURIComponent(pwn(id))}"></script>` },
  { name: 'img-onerror', html: (id) => `<img src="x:" onerror="${pwn(id)}">` },
  { name: 'img-onerror-unquoted', html: (id) => `<IMG SRC=x OnError=${pwn(id)}>` },
  { name: 'img-onerror-entities', html: (id) => `<img src="x:" onerror="${entities(pwn(id))}">` },
  { name: 'img-src-javascript', html: (id) => `<img src="javascript:${pwn(id)}">` },
  { name: 'body-onload', html: (id) => `<body onload="${pwn(id)}">` },
  { name: 'svg-onload', html: (id) => `<svg onload="${pwn(id)}"></svg>` },
  { name: 'svg-script', html: (id) => `<svg><script>${pwn(id)}</script></svg>` },
  { name: 'svg-script-href', html: (id) => `<svg><script href="data:text/javascript,${encodeURIComponent(pwn(id))}"></script></svg>` },
  {
    name: 'svg-animate-onbegin',
    html: (id) => `<svg><animate onbegin="${pwn(id)}" attributeName="x" dur="1s"></animate></svg>`,
  },
  {
    name: 'svg-set-href',
    html: (id) =>
      `<svg width="200" height="30"><a><set attributeName="href" to="javascript:${pwn(id)}"></set><text x="5" y="20">click me</text></a></svg>`,
  },
  {
    name: 'svg-xlink-href',
    html: (id) =>
      `<svg width="200" height="30"><a xlink:href="javascript:${pwn(id)}"><text x="5" y="20">click me</text></a></svg>`,
  },
  {
    name: 'svg-foreignobject',
    html: (id) => `<svg><foreignObject width="100" height="50"><img src="x:" onerror="${pwn(id)}"></foreignObject></svg>`,
  },
  {
    // The DOMPurify 2.0.0 mutation-XSS shape: inert in one parse, live after a re-parse.
    name: 'math-mglyph-style',
    html: (id) => `<math><mtext><table><mglyph><style><img src="x:" onerror="${pwn(id)}"></style></mglyph></table></mtext></math>`,
  },
  {
    name: 'math-href',
    html: (id) => `<math><mi href="javascript:${pwn(id)}" xlink:href="javascript:${pwn(id)}">click me</mi></math>`,
  },
  {
    name: 'math-maction-onclick',
    html: (id) => `<math><maction actiontype="toggle" onclick="${pwn(id)}"><mi>click me</mi></maction></math>`,
  },
  { name: 'iframe-srcdoc', html: (id) => `<iframe srcdoc="<script>${pwn(id, 'parent')}</script>"></iframe>` },
  { name: 'iframe-src-javascript', html: (id) => `<iframe src="javascript:${pwn(id, 'parent')}"></iframe>` },
  { name: 'object-data-javascript', html: (id) => `<object data="javascript:${pwn(id, 'parent')}"></object>` },
  {
    name: 'object-data-html',
    html: (id) => `<object data="data:text/html;base64,${base64(`<script>${pwn(id, 'parent')}</script>`)}"></object>`,
  },
  { name: 'embed-src-javascript', html: (id) => `<embed src="javascript:${pwn(id, 'parent')}">` },
  { name: 'meta-refresh', html: (id) => `<meta http-equiv="refresh" content="0;url=javascript:${pwn(id)}">` },
  { name: 'base-href-javascript', html: (id) => `<base href="javascript:${pwn(id)}//">` },
  // Not a script: moves every relative link of the page elsewhere. Our links must not follow it.
  { name: 'base-href-offsite', html: () => `<base href="https://evil.example/">` },
  {
    name: 'form-action',
    html: (id) => `<form action="javascript:${pwn(id)}"><button type="submit">submit me</button></form>`,
  },
  {
    name: 'button-formaction',
    html: (id) => `<form><button formaction="javascript:${pwn(id)}">submit me</button></form>`,
  },
  { name: 'input-autofocus-onfocus', html: (id) => `<input autofocus onfocus="${pwn(id)}">` },
  { name: 'details-ontoggle', html: (id) => `<details open ontoggle="${pwn(id)}"><summary>open me</summary>x</details>` },
  { name: 'div-onmouseover', html: (id) => `<div onmouseover="${pwn(id)}" style="display:block">hover me</div>` },
  { name: 'a-onclick', html: (id) => `<a href="#" onclick="${pwn(id)};return false">click me</a>` },
  { name: 'a-javascript', html: (id) => `<a href="javascript:${pwn(id)}">click me</a>` },
  { name: 'a-javascript-entities', html: (id) => `<a href="${entities('javascript:')}${pwn(id)}">click me</a>` },
  { name: 'a-javascript-tab', html: (id) => `<a href="jav&#x09;ascript:${pwn(id)}">click me</a>` },
  { name: 'a-javascript-case-space', html: (id) => `<a href=" JaVaScRiPt:${pwn(id)}">click me</a>` },
  {
    name: 'a-data-html',
    html: (id) => `<a href="data:text/html;base64,${base64(`<script>${pwn(id, 'opener')}</script>`)}">click me</a>`,
  },
  { name: 'a-vbscript', html: (id) => `<a href="vbscript:${pwn(id)}">click me</a>` },
  { name: 'video-source-onerror', html: (id) => `<video><source src="x:" onerror="${pwn(id)}"></video>` },
  { name: 'marquee-onstart', html: (id) => `<marquee onstart="${pwn(id)}">x</marquee>` },
  // Inert where they are; live only if someone copies them as HTML.
  { name: 'template-content', html: (id) => `<template><img src="x:" onerror="${pwn(id)}"></template>` },
  {
    name: 'noscript-title-mxss',
    html: (id) => `<noscript><p title="</noscript><img src=x: onerror=${pwn(id)}>"></p></noscript>`,
  },
  {
    name: 'svg-style-mxss',
    html: (id) => `<svg></p><style><a id="</style><img src=x: onerror=${pwn(id)}>"></a></style></svg>`,
  },
  { name: 'comment-breakout', html: (id) => `<!--<img src="--><img src=x: onerror=${pwn(id)}//">` },
  { name: 'xmp-rawtext', html: (id) => `<xmp><img src=x: onerror=${pwn(id)}></xmp>` },
  { name: 'textarea-rcdata', html: (id) => `<textarea><img src=x: onerror=${pwn(id)}></textarea>` },
];

export const TEXT_PAYLOADS: readonly TextPayload[] = [
  { name: 'img-tag', text: (id) => `<img src=x onerror=${pwn(id)}>` },
  { name: 'attr-breakout', text: (id) => `"><svg onload=${pwn(id)}>` },
  { name: 'close-and-script', text: (id) => `</h4></a><script>${pwn(id)}</script>` },
  { name: 'javascript-url', text: (id) => `javascript:${pwn(id)}` },
  { name: 'double-encoded', text: (id) => `&lt;img src=x onerror=${pwn(id)}&gt;` },
  { name: 'numeric-entities', text: (id) => `&#60;script&#62;${pwn(id)}&#60;/script&#62;` },
  { name: 'template-injection', text: (id) => `{{constructor.constructor("${pwn(id)}")()}}` },
  { name: 'single-quote-breakout', text: (id) => `' onmouseover='${pwn(id)}' x='` },
  { name: 'comment-close', text: (id) => `--><img src=x onerror=${pwn(id)}><!--` },
  { name: 'cdata-close', text: (id) => `]]><img src=x onerror=${pwn(id)}>` },
  { name: 'bidi-zero-width', text: (id) => `\u202e<\u200bscript>${pwn(id)}</script>` },
];

export interface AttributePayload {
  name: string;
  /** Extra attributes, as written in the HTML source, for an element the site controls. */
  attrs(id: string): string;
}

/** Attributes a site that failed to escape a quote would let into its own link. */
export const ATTRIBUTE_PAYLOADS: readonly AttributePayload[] = [
  { name: 'onmouseover', attrs: (id) => `onmouseover="${pwn(id)}" style="display:inline-block;padding:2em"` },
  { name: 'onclick', attrs: (id) => `onclick="${pwn(id)};return false"` },
  { name: 'onfocus-autofocus', attrs: (id) => `onfocus="${pwn(id)}" autofocus tabindex="0"` },
  { name: 'onanimationstart', attrs: (id) => `onanimationstart="${pwn(id)}" style="animation:x 1s"` },
];

export const URL_PAYLOADS: readonly UrlPayload[] = [
  { name: 'javascript', attr: (id) => `javascript:${pwn(id)}` },
  // Pass a check that only looks for "/~" or "users.pl?uid=" in the address.
  { name: 'javascript-user-path', attr: (id) => `javascript:${pwn(id)}//slashdot.org/~evil` },
  { name: 'javascript-users-pl', attr: (id) => `javascript:${pwn(id)}//users.pl?uid=1` },
  { name: 'javascript-entities', attr: (id) => `${entities('javascript:')}${pwn(id)}//slashdot.org/~evil` },
  { name: 'javascript-tab', attr: (id) => `java&#x09;script:${pwn(id)}//slashdot.org/~evil` },
  { name: 'javascript-newline', attr: (id) => `java&#x0A;script:${pwn(id)}//slashdot.org/~evil` },
  { name: 'javascript-case-space', attr: (id) => ` JaVaScRiPt:${pwn(id)}//slashdot.org/~evil` },
  { name: 'data-html', attr: (id) => `data:text/html,&lt;script&gt;${pwn(id, 'opener')}&lt;/script&gt;//slashdot.org/~evil` },
  { name: 'data-svg', attr: (id) => `data:image/svg+xml,&lt;svg onload=${pwn(id, 'opener')}&gt;//slashdot.org/~evil` },
  { name: 'vbscript', attr: (id) => `vbscript:${pwn(id)}//slashdot.org/~evil` },
];
