// Shared by the hostile-page and fuzz tests: putting a page into the jsdom document without
// running it, a probe that sees scripts and handlers that *do* run, and the structural check
// of what the overlay itself created.

/**
 * Parses `html` with scripting off (DOMParser: no script runs, no handler is compiled) and makes
 * it the test document, as a content script finds it. Returns the document.
 */
export function loadIntoDocument(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = document.adoptNode(parsed.documentElement);
  document.replaceChild(root, document.documentElement);
  return document;
}

/**
 * Vitest's jsdom runs scripts: a <script> element or an on* attribute that code *creates* in
 * this document executes (nodes adopted from a DOMParser document stay inert). Payloads mark
 * `window.__thrPwned` of the script world, which the test world cannot see directly; a script of
 * ours hands that window over through the document. Returns a reader for the marks.
 */
export function installPwnProbe(doc: Document = document): () => string[] {
  const grab = doc.createElement('script');
  grab.textContent = 'document.__thrWindow = window; window.__thrPwned = [];';
  (doc.head ?? doc.documentElement).append(grab);
  grab.remove();
  const inner = (doc as unknown as { __thrWindow?: { __thrPwned?: string[] } }).__thrWindow;
  if (!inner) throw new Error('jsdom did not run the probe script: is runScripts enabled?');
  return () => [...(inner.__thrPwned ?? [])];
}

/** Every element of the document now (the page as the site rendered it, before we touch it). */
export function elementSet(doc: Document): Set<Element> {
  // Indexed access: iterating a live jsdom collection with for…of is quadratic.
  const all = doc.getElementsByTagName('*');
  const out = new Set<Element>();
  for (let i = 0, n = all.length; i < n; i++) out.add(all[i]!);
  return out;
}

// Nothing Threshold draws needs any of these; each can run script, load something or submit.
const FORBIDDEN_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'img', 'image', 'picture', 'video', 'audio',
  'source', 'track', 'canvas', 'svg', 'math', 'style', 'link', 'meta', 'base', 'form', 'input', 'textarea',
  'select', 'template', 'noscript', 'xmp', 'marquee', 'foreignobject', 'animate', 'set', 'use',
]);
// Attributes that load or run something, or submit somewhere. `href` is checked separately.
const FORBIDDEN_ATTRS = new Set([
  'src', 'srcdoc', 'srcset', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'ping',
  'http-equiv', 'autofocus',
]);
const XHTML = 'http://www.w3.org/1999/xhtml';

export interface OverlayScan {
  /** What is wrong with elements the overlay created. */
  violations: string[];
  /** Page elements found inside the overlay (moved there), outermost ones only. */
  moved: Element[];
  /** How many overlay-created elements were checked. */
  checked: number;
}

/**
 * Walks `root` (the overlay). An element that was in the page before (`pageElements`) was moved
 * in: it and everything inside it are the page's own and are skipped. Every other element was
 * created by the overlay and must be plain: no forbidden tag, no on* attribute, no loading
 * attribute, and links only to absolute http(s) addresses.
 */
export function scanOverlay(root: Element, pageElements: ReadonlySet<Element>): OverlayScan {
  const violations: string[] = [];
  const moved: Element[] = [];
  let checked = 0;
  const todo: Element[] = [root];
  while (todo.length > 0) {
    const el = todo.pop()!;
    if (el !== root && pageElements.has(el)) {
      moved.push(el);
      continue;
    }
    checked++;
    violations.push(...elementViolations(el));
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) todo.push(child);
  }
  return { violations, moved, checked };
}

function describe(el: Element): string {
  const id = el.closest('[data-comment-id]')?.getAttribute('data-comment-id');
  return `<${el.tagName.toLowerCase()}>${id ? ` in comment ${id}` : ''}`;
}

function elementViolations(el: Element): string[] {
  const out: string[] = [];
  const tag = el.localName.toLowerCase();
  if (FORBIDDEN_TAGS.has(tag)) out.push(`${describe(el)}: forbidden element`);
  if (el.namespaceURI !== XHTML) out.push(`${describe(el)}: element in namespace ${el.namespaceURI}`);
  const attrs = el.attributes;
  for (let i = 0, n = attrs.length; i < n; i++) {
    const attr = attrs[i]!;
    const name = attr.name.toLowerCase();
    if (name.startsWith('on')) out.push(`${describe(el)}: event handler attribute ${attr.name}="${attr.value}"`);
    if (FORBIDDEN_ATTRS.has(name)) out.push(`${describe(el)}: attribute ${attr.name}="${attr.value}"`);
    if (name === 'href') {
      const problem = hrefProblem(attr.value);
      if (problem) out.push(`${describe(el)}: href "${attr.value}" ${problem}`);
    }
  }
  return out;
}

function hrefProblem(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return 'is not an absolute http(s) address';
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return 'does not parse';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `has protocol ${u.protocol}`;
  // The hostile pages' <base href="https://evil.example/"> must not redirect our links.
  if (u.hostname === 'evil.example') return 'follows a <base> the page injected';
  return null;
}

/** Serialization of the whole document, for "put back exactly as it was". */
export function serialize(doc: Document): string {
  return doc.documentElement.outerHTML;
}
