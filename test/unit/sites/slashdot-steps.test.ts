import { describe, expect, it } from 'vitest';
import { slashdot } from '../../../src/sites/slashdot';
import { SLASHDOT_PAGES, loadFixture } from '../../fixtures/slashdot/pages';

// The content script reads big pages in slices through parseSteps; parse runs the same steps at
// once. Both must give the same discussion, and the steps must really pause on big pages.
describe('Slashdot parse in steps', () => {
  it.each(SLASHDOT_PAGES.map((p) => [p.file, p] as const))('%s: same result as parse, with pauses', (_file, p) => {
    const doc = loadFixture(p.file, p.url).window.document;
    const url = new URL(p.url);
    const steps = slashdot.parseSteps!(doc, url);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(r.value).toEqual(slashdot.parse(doc, url));
    const items = doc.getElementById('commentlisting')?.querySelectorAll('li').length ?? 0;
    expect(pauses).toBe(Math.floor(items / 32));
  });
});
