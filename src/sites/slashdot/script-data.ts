// Slashdot's 2008 "D2" discussion system sends every comment's skeleton (parent, score, replies)
// in an inline script, and only some comments as markup; the rest are empty placeholders.
// Two spellings exist in the saved pages:
//   newer:  D2.comments({ 25160803: { uid: 339739, pid: 25160505, subject: "Re:...", points: 4, kids: [ ] }, ... });
//           D2.more_comments_num(170);  D2.discussion_id(976581);
//   older:  comments = { 25123669: { uid: 904648, pid: 0, points: 5, kids: [ 25123889 ] }, ... };
//           more_comments_num = 351;    discussion_id = 973233;
// The object text is read with the literal reader, never evaluated.

import { isJsObject, readJsLiteral, type JsValue } from '../shared/js-literal';
import { isDigits } from '../shared/digits';

export interface ScriptComment {
  id: string;
  /** Parent id; `null` for top level (pid 0); `undefined` when the entry does not say. */
  pid: string | null | undefined;
  uid: number | null;
  subject: string | null;
  /** Raw `points`; D2 uses -2 for comments whose data it did not send. */
  points: number | null;
  kids: string[];
}

export interface ScriptData {
  /** Keyed by comment id; iteration follows the ids' numeric order (JS object key order). */
  comments: Map<string, ScriptComment>;
  /** How many more comments the site would load on demand. */
  moreCount: number | null;
  /** The numeric discussion id (`comments.pl?sid=`). */
  discussionId: string | null;
  /** Set when a comments object was found but could not be read. */
  error: string | null;
}

const NEW_START = 'D2.comments(';
// `comments = {` as a whole identifier: `abbrev_comments = {}` must not match.
const OLD_START_RE = /(?:^|[^\w$.])comments\s*=\s*(?=\{)/;
const MORE_RE = /\bmore_comments_num\s*(?:\(\s*|=\s*)(\d+)/;
const DISCUSSION_RE = /\bdiscussion_id\s*(?:\(\s*|=\s*)(\d+)/;

/** Finds D2's data in the page's inline scripts; `null` when the page has none of it. */
export function readScriptData(doc: Document): ScriptData | null {
  let comments: Map<string, ScriptComment> | null = null;
  let error: string | null = null;
  let moreCount: number | null = null;
  let discussionId: string | null = null;

  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i]!;
    if (script.hasAttribute('src')) continue;
    const text = script.textContent ?? '';
    if (comments === null && error === null) {
      const start = findCommentsObject(text);
      if (start >= 0) {
        const read = readJsLiteral(text, start);
        if (read.ok) comments = toComments(read.value);
        else error = `${read.error} at ${read.at - start}`;
      }
    }
    if (moreCount === null) {
      const m = MORE_RE.exec(text);
      if (m) moreCount = Number(m[1]);
    }
    if (discussionId === null) {
      const m = DISCUSSION_RE.exec(text);
      if (m) discussionId = m[1]!;
    }
  }
  if (comments === null && error === null && moreCount === null && discussionId === null) return null;
  return { comments: comments ?? new Map(), moreCount, discussionId, error };
}

function findCommentsObject(text: string): number {
  const n = text.indexOf(NEW_START);
  if (n >= 0) return n + NEW_START.length;
  const m = OLD_START_RE.exec(text);
  return m ? m.index + m[0].length : -1;
}

function toComments(value: JsValue): Map<string, ScriptComment> {
  const out = new Map<string, ScriptComment>();
  if (!isJsObject(value)) return out;
  for (const id of Object.keys(value)) {
    if (!isDigits(id)) continue;
    const entry = value[id];
    if (!isJsObject(entry)) continue;
    out.set(id, {
      id,
      pid: toPid(entry['pid']),
      uid: typeof entry['uid'] === 'number' && Number.isFinite(entry['uid']) ? entry['uid'] : null,
      subject: typeof entry['subject'] === 'string' ? entry['subject'] : null,
      points: typeof entry['points'] === 'number' && Number.isFinite(entry['points']) ? entry['points'] : null,
      kids: Array.isArray(entry['kids']) ? entry['kids'].filter(isId).map(String) : [],
    });
  }
  return out;
}

function toPid(v: JsValue): string | null | undefined {
  if (v === 0 || v === '0') return null;
  return isId(v) ? String(v) : undefined;
}

function isId(v: JsValue): v is number | string {
  return (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && isDigits(v));
}
