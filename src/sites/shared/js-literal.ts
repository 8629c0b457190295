// A small, tolerant reader for JavaScript object-literal *text* found in pages' inline scripts
// (Slashdot's `D2.comments({ 123: { pid: 0, points: 5, kids: [ 124 ] } })`). It never evaluates
// anything: it only recognizes literal syntax — unquoted / quoted / numeric keys, single- and
// double-quoted strings with escapes, numbers, arrays, nested objects, true/false/null/undefined,
// comments and trailing commas. Anything else is reported as an error, never thrown.
//
// Iterative on purpose (explicit stack): a hostile page can nest brackets thousands deep, which
// would overflow the call stack of a recursive reader.

export type JsValue = string | number | boolean | null | undefined | JsValue[] | JsObject;
/** Objects are created without a prototype, so keys such as `__proto__` are plain data. */
export type JsObject = { [key: string]: JsValue };

export type JsReadResult =
  | { ok: true; value: JsValue; /** Index just past the literal. */ end: number }
  | { ok: false; error: string; /** Index where reading failed. */ at: number };

type Frame = { kind: 'array'; arr: JsValue[] } | { kind: 'object'; obj: JsObject; key: string };

const NUMBER_RE = /[+-]?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/y;
const IDENT_RE = /[A-Za-z_$][\w$]*/y;
const WORDS: Record<string, JsValue> = {
  true: true,
  false: false,
  null: null,
  undefined: undefined,
  NaN: NaN,
  Infinity: Infinity,
};

class ReadError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** Reads one literal value starting at `start` (leading white space and comments are skipped). */
export function readJsLiteral(text: string, start = 0): JsReadResult {
  try {
    return new Reader(text, start).read();
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, error: e.message, at: e.at };
    return { ok: false, error: String(e), at: start };
  }
}

class Reader {
  private pos: number;
  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  read(): JsReadResult {
    const stack: Frame[] = [];
    for (;;) {
      // Expecting a value.
      this.skipSpace();
      const c = this.text[this.pos];
      let value: JsValue;
      if (c === '{') {
        this.pos++;
        const obj: JsObject = Object.create(null) as JsObject;
        this.skipSpace();
        if (this.text[this.pos] === '}') {
          this.pos++;
          value = obj;
        } else {
          stack.push({ kind: 'object', obj, key: this.readKey() });
          continue;
        }
      } else if (c === '[') {
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === ']') {
          this.pos++;
          value = [];
        } else {
          stack.push({ kind: 'array', arr: [] });
          continue;
        }
      } else {
        value = this.readScalar();
      }

      // A value is complete: hand it to the enclosing containers, closing as many as end here.
      for (;;) {
        const top = stack[stack.length - 1];
        if (!top) return { ok: true, value, end: this.pos };
        if (top.kind === 'array') top.arr.push(value);
        else top.obj[top.key] = value;
        this.skipSpace();
        const close = top.kind === 'array' ? ']' : '}';
        let ch = this.text[this.pos];
        if (ch === ',') {
          this.pos++;
          this.skipSpace();
          ch = this.text[this.pos];
          if (ch !== close) {
            // Another element follows.
            if (top.kind === 'object') top.key = this.readKey();
            break;
          }
          // Trailing comma: fall through to closing.
        }
        if (ch === close) {
          this.pos++;
          stack.pop();
          value = top.kind === 'array' ? top.arr : top.obj;
          continue;
        }
        throw new ReadError(`expected "," or "${close}"`, this.pos);
      }
    }
  }

  /** Reads `key:` and leaves the position after the colon. */
  private readKey(): string {
    const c = this.text[this.pos];
    let key: string;
    if (c === '"' || c === "'") {
      key = this.readString();
    } else {
      IDENT_RE.lastIndex = this.pos;
      const ident = IDENT_RE.exec(this.text);
      if (ident) {
        key = ident[0];
        this.pos += key.length;
      } else {
        NUMBER_RE.lastIndex = this.pos;
        const num = NUMBER_RE.exec(this.text);
        if (!num) throw new ReadError('expected a property name', this.pos);
        this.pos += num[0].length;
        key = String(Number(num[0]));
      }
    }
    this.skipSpace();
    if (this.text[this.pos] !== ':') throw new ReadError('expected ":"', this.pos);
    this.pos++;
    return key;
  }

  private readScalar(): JsValue {
    const c = this.text[this.pos];
    if (c === undefined) throw new ReadError('unexpected end of text', this.pos);
    if (c === '"' || c === "'") return this.readString();
    NUMBER_RE.lastIndex = this.pos;
    const num = NUMBER_RE.exec(this.text);
    if (num) {
      this.pos += num[0].length;
      const s = num[0];
      // Number() does not accept a sign before a hex literal.
      const neg = s.startsWith('-');
      const n = Number(s.replace(/^[+-]/, ''));
      return neg ? -n : n;
    }
    IDENT_RE.lastIndex = this.pos;
    const ident = IDENT_RE.exec(this.text);
    if (ident && Object.prototype.hasOwnProperty.call(WORDS, ident[0])) {
      this.pos += ident[0].length;
      return WORDS[ident[0]];
    }
    throw new ReadError(ident ? `unsupported value "${ident[0]}"` : `unexpected "${c}"`, this.pos);
  }

  private readString(): string {
    const text = this.text;
    const quote = text[this.pos];
    let i = this.pos + 1;
    let out = '';
    let chunk = i;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n' || c === '\r') throw new ReadError('unterminated string', this.pos);
      if (c === quote) {
        out += text.slice(chunk, i);
        this.pos = i + 1;
        return out;
      }
      if (c !== '\\') {
        i++;
        continue;
      }
      out += text.slice(chunk, i);
      const e = text[i + 1];
      i += 2;
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case '0': out += '\0'; break;
        case 'x': out += this.hexChar(i, 2); i += 2; break;
        case 'u':
          if (text[i] === '{') {
            const close = text.indexOf('}', i);
            if (close < 0 || close - i > 7) throw new ReadError('bad \\u{} escape', i);
            const cp = parseInt(text.slice(i + 1, close), 16);
            if (!Number.isFinite(cp) || cp > 0x10ffff) throw new ReadError('bad \\u{} escape', i);
            out += String.fromCodePoint(cp);
            i = close + 1;
          } else {
            out += this.hexChar(i, 4);
            i += 4;
          }
          break;
        case '\r':
          if (text[i] === '\n') i++; // line continuation
          break;
        case '\n':
        case '\u2028':
        case '\u2029':
          break; // line continuation
        case undefined:
          throw new ReadError('unterminated string', this.pos);
        default:
          out += e; // \" \' \\ \/ and any other character stand for themselves
      }
      chunk = i;
    }
  }

  private hexChar(at: number, len: number): string {
    const hex = this.text.slice(at, at + len);
    if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw new ReadError('bad escape', at);
    return String.fromCharCode(parseInt(hex, 16));
  }

  /** Skips white space and comments. */
  private skipSpace(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff) {
        this.pos++;
      } else if (c === 47 /* / */ && text[this.pos + 1] === '/') {
        const nl = text.indexOf('\n', this.pos);
        this.pos = nl < 0 ? text.length : nl + 1;
      } else if (c === 47 && text[this.pos + 1] === '*') {
        const end = text.indexOf('*/', this.pos + 2);
        if (end < 0) throw new ReadError('unterminated comment', this.pos);
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }
}

/** True for a (prototype-less) object read by `readJsLiteral`, false for arrays and scalars. */
export function isJsObject(v: JsValue): v is JsObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
