// Seeded mutations of a parsed page: what broken markup, a changed site, a half-saved page or a
// hostile one can do to a discussion's structure. Each returns a short description (for replaying
// a failure) or null when it found nothing to act on.

import type { Rng } from '../../hostile/rng';

export type MutationName =
  | 'delete'
  | 'duplicate'
  | 'reorder'
  | 'renest'
  | 'drop-attributes'
  | 'class'
  | 'score'
  | 'id'
  | 'script'
  | 'truncate';

/** DOM mutations; `truncate` is applied on the serialized page, last (see buildMutatedPage). */
export const DOM_MUTATIONS: readonly MutationName[] = [
  'delete',
  'duplicate',
  'reorder',
  'renest',
  'drop-attributes',
  'class',
  'score',
  'id',
  'script',
];

const STRUCTURAL = new Set(['HTML', 'HEAD', 'BODY']);

/** Elements to act on: mostly inside the comment listing, sometimes anywhere in the page. */
function pool(doc: Document, scope: Element | null, rng: Rng, filter?: (el: Element) => boolean): Element[] {
  const root = scope && rng.chance(0.85) ? scope : doc.body ?? doc.documentElement;
  // Indexed access: iterating a live jsdom collection with for…of is quadratic.
  const all = root.getElementsByTagName('*');
  const out: Element[] = [];
  for (let i = 0, n = all.length; i < n; i++) {
    const el = all[i]!;
    if (!STRUCTURAL.has(el.tagName) && (!filter || filter(el))) out.push(el);
  }
  return out;
}

function describe(el: Element): string {
  const cls = el.getAttribute('class');
  return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}>`;
}

const CLASS_TOKENS = [
  'comment', 'commentDiv', 'commentBody', 'commentTop', 'commtree', 'full', 'oneline', 'hidden', 'contain', 'sig',
  'score', 'score5', 'score-1', 'details', 'otherdetails', 'title', 'comment-text', 'comment-head', 'replies', 'thread',
  'subject', 'author', 'commentHider', 'by',
];

function garbleToken(token: string, rng: Rng): string {
  switch (rng.int(0, 3)) {
    case 0:
      return token.slice(0, -1);
    case 1:
      return token.toUpperCase();
    case 2:
      return rng.pick(CLASS_TOKENS);
    default:
      return `${token}x`;
  }
}

const SCORE_TEXT = /Score:\s*-?\d+/;
const SCORE_VARIANTS = ['Score:x', 'Score:99', 'Score:-7', 'Score:', '', 'Score:5.5', 'Score: 3 4', 'Score:-1,'];

function textNodes(root: Node, test: (t: string) => boolean): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (test((n as Text).data)) out.push(n as Text);
  return out;
}

/** Applies one DOM mutation. */
export function mutate(doc: Document, scope: Element | null, name: MutationName, rng: Rng): string | null {
  switch (name) {
    case 'delete': {
      const els = pool(doc, scope, rng);
      if (!els.length) return null;
      const el = rng.pick(els);
      el.remove();
      return `delete ${describe(el)}`;
    }
    case 'duplicate': {
      const els = pool(doc, scope, rng);
      if (!els.length) return null;
      const el = rng.pick(els);
      el.after(el.cloneNode(true)); // ids and all
      return `duplicate ${describe(el)}`;
    }
    case 'reorder': {
      const parents = pool(doc, scope, rng, (el) => el.childElementCount >= 2);
      if (!parents.length) return null;
      const parent = rng.pick(parents);
      const kids = Array.from(parent.children);
      const moved = rng.pick(kids);
      const before = rng.pick([...kids, null]);
      if (before !== moved) parent.insertBefore(moved, before);
      return `reorder ${describe(moved)} in ${describe(parent)}`;
    }
    case 'renest': {
      const els = pool(doc, scope, rng);
      if (els.length < 2) return null;
      const a = rng.pick(els);
      const targets = els.filter((b) => b !== a && !a.contains(b));
      if (!targets.length) return null;
      const b = rng.pick(targets);
      b.insertBefore(a, rng.pick([...Array.from(b.children), null]));
      return `renest ${describe(a)} into ${describe(b)}`;
    }
    case 'drop-attributes': {
      const els = pool(doc, scope, rng, (el) => el.attributes.length > 0);
      if (!els.length) return null;
      const el = rng.pick(els);
      const label = describe(el);
      const names = Array.from(el.getAttributeNames());
      const drop = rng.chance(0.5) ? names : [rng.pick(names)];
      for (const a of drop) el.removeAttribute(a);
      return `drop ${drop.join(',')} of ${label}`;
    }
    case 'class': {
      const els = pool(doc, scope, rng, (el) => el.hasAttribute('class'));
      if (!els.length) return null;
      const el = rng.pick(els);
      const label = describe(el);
      if (rng.chance(0.3)) {
        el.removeAttribute('class');
        return `drop class of ${label}`;
      }
      const tokens = (el.getAttribute('class') ?? '').trim().split(/\s+/);
      const i = rng.int(0, tokens.length - 1);
      tokens[i] = garbleToken(tokens[i] ?? '', rng);
      el.setAttribute('class', tokens.join(' '));
      return `class of ${label} -> "${tokens.join(' ')}"`;
    }
    case 'score': {
      const nodes = textNodes(scope ?? doc.body ?? doc, (t) => SCORE_TEXT.test(t));
      // rehash also says it with a class ("score5"); garble one of those sometimes.
      if (!nodes.length || rng.chance(0.15)) {
        const els = pool(doc, scope, rng, (el) => /(?:^|\s)score-?\d/.test(el.getAttribute('class') ?? ''));
        if (!els.length) return null;
        const el = rng.pick(els);
        el.setAttribute('class', (el.getAttribute('class') ?? '').replace(/score-?\d+/, rng.pick(['score99', 'scorex', 'score-7', 'score'])));
        return `score class of ${describe(el)}`;
      }
      const node = rng.pick(nodes);
      const variant = rng.pick(SCORE_VARIANTS);
      const before = node.data;
      node.data = before.replace(SCORE_TEXT, variant);
      return `score "${before.trim().slice(0, 40)}" -> "${variant}"`;
    }
    case 'id': {
      const els = pool(doc, scope, rng, (el) => el.id !== '');
      if (!els.length) return null;
      const el = rng.pick(els);
      const before = el.id;
      const digits = /\d+/.exec(before)?.[0];
      const variants = [
        `${before}x`,
        '',
        before.replace(/\d/, (d) => String((Number(d) + 1) % 10)),
        before.replace(/\d+/, 'abc'),
        digits ? before.replace(digits, String(rng.int(1, 99_999_999))) : `${before}_${rng.int(1, 999)}`,
        rng.pick(els).id, // another element's id: now two share it
        before.replace(/^[a-z_-]+/i, rng.pick(['tree_', 'comment_', 'comment_body_', 'commtree_', 'comment-'])),
      ];
      const next = rng.pick(variants);
      if (next === '') el.removeAttribute('id');
      else el.id = next;
      return `id ${before} -> "${next}"`;
    }
    case 'script': {
      // D2's inline data: points, parents (cycles included) and cuts.
      const scripts = Array.from(doc.getElementsByTagName('script')).filter((s) => /\b(?:D2\.)?comments\s*[(=]/.test(s.textContent ?? ''));
      if (!scripts.length) return null;
      const s = rng.pick(scripts);
      const text = s.textContent ?? '';
      const kind = rng.int(0, 3);
      if (kind === 0) {
        s.textContent = text.replace(/points:\s*-?\d+/, `points: ${rng.pick(['"x"', '99', '-7', 'null', '1e400', '[]'])}`);
        return 'script points';
      }
      if (kind === 1) {
        const ids = [...text.matchAll(/(\d{5,}):\s*\{/g)].map((m) => m[1]!);
        if (ids.length === 0) return null;
        const victim = rng.pick(ids);
        const pid = rng.pick(ids); // may be itself, or a descendant: a cycle
        s.textContent = text.replace(new RegExp(`(${victim}:\\s*\\{[^}]*?pid:\\s*)\\d+`), `$1${pid}`);
        return `script pid of ${victim} -> ${pid}`;
      }
      if (kind === 2) {
        s.textContent = text.slice(0, rng.int(0, text.length));
        return 'script cut';
      }
      s.textContent = text.replace(/kids:\s*\[/, `kids: [ ${'['.repeat(rng.int(1, 5000))}`);
      return 'script deep nesting';
    }
    case 'truncate':
      return null; // done on the text, see truncate()
  }
}

/** The page cut at a random offset of its serialization (a half-saved page). */
export function truncate(html: string, rng: Rng): { html: string; note: string } {
  const at = rng.int(0, html.length);
  return { html: html.slice(0, at), note: `truncate at ${at}/${html.length}` };
}
