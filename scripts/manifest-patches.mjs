// One source manifest (manifest.json), patched per browser at build time, as Dark Reader does.

export const GECKO_ID = 'threshold@threshold-extension.org';
const DEV_ORIGIN = 'http://127.0.0.1/*';

/**
 * @param {object} source the parsed manifest.json
 * @param {{ target: 'chrome' | 'firefox', dev: boolean }} options
 */
export function patchManifest(source, { target, dev }) {
  const m = structuredClone(source);
  if (target === 'firefox') {
    // Firefox MV3 runs background scripts as an event page, not a service worker.
    m.background = { scripts: [source.background.service_worker] };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // Threshold collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
      // data_collection_permissions came to Firefox for Android in 142.
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  if (dev) {
    m.name = `${source.name} (dev)`;
    m.host_permissions = [...m.host_permissions, DEV_ORIGIN];
    m.content_scripts = m.content_scripts.map((cs) => ({ ...cs, matches: [...cs.matches, DEV_ORIGIN] }));
    if (target === 'firefox') {
      // Lets tests open the popup in a tab (WebDriver BiDi refuses moz-extension:// navigations).
      m.web_accessible_resources = [
        { resources: ['popup.html', 'popup.js', 'popup.css'], matches: [DEV_ORIGIN] },
      ];
    }
  }
  return m;
}
