// @vitest-environment jsdom
// The checks the hostile and fuzz tests rely on must themselves catch what they claim to.
import { describe, expect, it } from 'vitest';
import { elementSet, installPwnProbe, loadIntoDocument, scanOverlay } from './harness';
import { hostileSlashdotPage, MARKUP_PAYLOADS, TEXT_PAYLOADS, URL_PAYLOADS } from '../../hostile/corpus';

describe('scanOverlay', () => {
  it('flags what an overlay must never create, and skips moved page nodes', () => {
    loadIntoDocument('<html><body><div id="body_1"><img src=x onerror="x()"><a href="javascript:x()">p</a></div></body></html>');
    const page = elementSet(document);
    const pageBody = document.getElementById('body_1')!;
    const root = document.createElement('div');
    document.body.append(root);
    const made = (tag: string, attrs: Record<string, string> = {}, ns?: string) => {
      const el = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      root.append(el);
      return el;
    };
    made('span', { title: '<img src=x onerror=1>' }); // text in an attribute is fine
    made('a', { href: 'https://slashdot.org/~x' });
    made('a', { href: 'javascript:alert(1)' });
    made('a', { href: '//slashdot.org/~x' });
    made('a', { href: 'https://evil.example/x' });
    made('div', { onclick: 'x()' });
    made('img', { src: 'x' });
    made('svg', {}, 'http://www.w3.org/2000/svg');
    made('button', { formaction: 'javascript:x()' });
    root.append(pageBody); // moved, not created: skipped, even with its <img onerror>

    const scan = scanOverlay(root, page);
    expect(scan.moved).toEqual([pageBody]);
    expect(scan.violations).toEqual([
      '<a>: href "javascript:alert(1)" is not an absolute http(s) address',
      '<a>: href "//slashdot.org/~x" is not an absolute http(s) address',
      '<a>: href "https://evil.example/x" follows a <base> the page injected',
      '<div>: event handler attribute onclick="x()"',
      '<img>: forbidden element',
      '<img>: attribute src="x"',
      '<svg>: forbidden element',
      '<svg>: element in namespace http://www.w3.org/2000/svg',
      '<button>: attribute formaction="javascript:x()"',
    ]);
  });

  it('the probe sees a handler created in this document run, and pages loaded inert', () => {
    loadIntoDocument('<html><body><div id="d" onclick="window.__thrPwned.push(\'page\')">x</div></body></html>');
    const read = installPwnProbe();
    (document.getElementById('d') as HTMLElement).click();
    expect(read()).toEqual([]);
    const live = document.createElement('div');
    live.setAttribute('onclick', "window.__thrPwned.push('made')");
    document.body.append(live);
    live.click();
    expect(read()).toEqual(['made']);
  });
});

describe('the hostile corpus', () => {
  it('is deterministic per seed, and the seed changes the page', () => {
    expect(hostileSlashdotPage(7).html).toBe(hostileSlashdotPage(7).html);
    expect(hostileSlashdotPage(7).html).not.toBe(hostileSlashdotPage(8).html);
  });

  it('puts every payload in every position of its kind, once', () => {
    const page = hostileSlashdotPage(3);
    const ids = page.comments.map((c) => c.payloadId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of MARKUP_PAYLOADS) expect(ids).toContain(`body/${p.name}`);
    for (const p of TEXT_PAYLOADS) expect(ids).toContain(`title/${p.name}`);
    for (const p of URL_PAYLOADS) expect(ids).toContain(`author-href/${p.name}`);
    // Each comment carries its own marker (the id the payload would report).
    for (const c of page.comments.filter((x) => x.kind === 'text')) expect(c.text).toContain(c.payloadId);
  });
});
