// No code in src/ may turn text into markup or code: no innerHTML, outerHTML assignment,
// insertAdjacentHTML, dangerouslySetInnerHTML, eval, new Function, document.write (and their
// relatives: createContextualFragment, srcdoc, string timers, on* attributes set by name).
// Read from the files with the TypeScript parser, so comments explaining the rule do not count
// and `el['innerHTML']` or `window.eval` do.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../../src', import.meta.url));

/** Property names that parse or inject HTML whatever they are used with. */
const HTML_PROPERTIES = new Set(['innerHTML', 'insertAdjacentHTML', 'dangerouslySetInnerHTML', 'createContextualFragment', 'srcdoc', 'outerHTML']);

function findSinks(fileName: string, text: string): string[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push(`${path.basename(fileName)}:${line + 1}: ${what}`);
  };
  const nameOf = (node: ts.Node): string | null => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
    if (ts.isStringLiteralLike(node)) return node.text;
    return null;
  };
  /** `x.name` or `x['name']`: the member name, else null. */
  const memberName = (node: ts.Node): string | null => {
    if (ts.isPropertyAccessExpression(node)) return node.name.text;
    if (ts.isElementAccessExpression(node)) return nameOf(node.argumentExpression);
    return null;
  };

  const visit = (node: ts.Node): void => {
    const member = memberName(node);
    if (member !== null && HTML_PROPERTIES.has(member)) {
      // Reading outerHTML is harmless; assigning it parses HTML.
      const parent = node.parent;
      const assigned = ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
      if (member !== 'outerHTML' || assigned) at(node, member);
    }
    if (ts.isJsxAttribute(node) && HTML_PROPERTIES.has(node.name.getText(sf))) at(node, `JSX ${node.name.getText(sf)}`);
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && HTML_PROPERTIES.has(nameOf(node.name) ?? '')) {
      at(node, `property ${nameOf(node.name)}`);
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : memberName(callee);
      if (name === 'eval') at(node, 'eval(...)');
      if (name === 'Function') at(node, `${ts.isNewExpression(node) ? 'new ' : ''}Function(...)`);
      if ((name === 'write' || name === 'writeln') && member === null && memberObjectIs(callee, 'document')) at(node, `document.${name}(...)`);
      if ((name === 'setTimeout' || name === 'setInterval') && node.arguments?.[0] && ts.isStringLiteralLike(node.arguments[0])) {
        at(node, `${name} with a string`);
      }
      if ((name === 'setAttribute' || name === 'setAttributeNS') && node.arguments) {
        const attrArg = node.arguments[name === 'setAttribute' ? 0 : 1];
        if (attrArg && ts.isStringLiteralLike(attrArg) && /^(?:on|srcdoc$|href$|src$|formaction$|action$)/i.test(attrArg.text)) {
          at(node, `setAttribute('${attrArg.text}', …)`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function memberObjectIs(callee: ts.Node, name: string): boolean {
  const obj = ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? callee.expression : null;
  return obj !== null && ts.isIdentifier(obj) && obj.text === name;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(?:ts|tsx|js|mjs)$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

describe('no HTML or code sinks in src/', () => {
  it('finds each kind of sink in a sample (the check itself works)', () => {
    const sample = `
      // innerHTML in a comment does not count; eval( neither.
      const s = 'a string mentioning innerHTML is not a use';
      el.innerHTML = x;
      el['insertAdjacentHTML']('beforeend', x);
      el.outerHTML = x;
      const y = el.outerHTML;
      const a = <div dangerouslySetInnerHTML={{ __html: x }} />;
      eval(x); window.eval(x); new Function(x); Function(x)();
      document.write(x); document.writeln(x);
      setTimeout('alert(1)', 0);
      el.setAttribute('onclick', x); el.setAttribute('href', x);
      range.createContextualFragment(x);
      iframe.srcdoc = x;
    `;
    const found = findSinks('sample.tsx', sample).map((f) => f.replace(/^sample\.tsx:\d+: /, ''));
    expect(found).toEqual([
      'innerHTML',
      'insertAdjacentHTML',
      'outerHTML',
      'JSX dangerouslySetInnerHTML',
      'eval(...)',
      'eval(...)',
      'new Function(...)',
      'Function(...)',
      'document.write(...)',
      'document.writeln(...)',
      'setTimeout with a string',
      "setAttribute('onclick', …)",
      "setAttribute('href', …)",
      'createContextualFragment',
      'srcdoc',
    ]);
  });

  it('src/ has none', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) => findSinks(path.relative(SRC, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});
