// Reading and driving the popup page (popup.html?tab=ID opened in a tab), as a user sees it.

/** What the popup shows: its text, the story line, tier counts, the chart's counts per score, the sliders. */
export function readPopup(popup) {
  return popup.evaluate(() => {
    const num = (el) => (el ? Number(/-?\d+/.exec(el.textContent ?? '')?.[0] ?? NaN) : null);
    const tier = (t) => num(document.querySelector(`[data-tier="${t}"]`));
    const chart = {};
    for (const li of document.querySelectorAll('.chart [data-score]')) {
      chart[li.getAttribute('data-score')] = num(li.querySelector('.chart__count'));
    }
    return {
      text: document.body.innerText,
      count: document.querySelector('.story__count')?.textContent ?? null,
      tiers: { full: tier('full'), abbreviated: tier('abbreviated'), hidden: tier('hidden') },
      chart,
      sliders: ['threshold', 'abbreviated', 'breakthrough'].map((n) => {
        const s = document.querySelector(`input[type="range"][name="${n}"]`);
        return s ? { name: n, value: Number(s.value), min: Number(s.min), max: Number(s.max) } : null;
      }),
    };
  });
}

/** Moves a slider the way a user does: a new value, then an `input` event. */
export function moveSlider(popup, name, value) {
  return popup.evaluate(
    (n, v) => {
      const s = document.querySelector(`input[type="range"][name="${n}"]`);
      if (!s) throw new Error(`no slider ${n}`);
      s.value = String(v);
      s.dispatchEvent(new Event('input', { bubbles: true }));
    },
    name,
    value,
  );
}

export const SITE_SWITCH = 'input[name="site-enabled"]';

/** The site on/off switch: checked, disabled, role; null when the popup shows none. */
export function switchState(popup) {
  return popup.evaluate((sel) => {
    const input = document.querySelector(sel);
    return input ? { checked: input.checked, disabled: input.disabled, role: input.getAttribute('role') } : null;
  }, SITE_SWITCH);
}

/**
 * Clicks the switch's label, where a user clicks (the checkbox itself is drawn invisible), with
 * the popup in front as a user has it: a click on a background tab waits for a frame that never
 * comes (reading the overlay brings the page's tab to the front).
 */
export async function clickSiteSwitch(popup) {
  await popup.bringToFront();
  return popup.click(`label:has(${SITE_SWITCH})`);
}
