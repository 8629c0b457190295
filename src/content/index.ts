// Content script: pick the adapter, parse, mount, listen. Everything else lives in modules.
import browser from 'webextension-polyfill';
import { isStatusRequest } from '../shared/messages';
import { startThreshold } from './controller';
import { mark } from './marks';

// The popup may inject this script into a tab where the manifest already did (or twice):
// one instance per page.
const FLAG = '__thresholdContentScript';
const scope = globalThis as unknown as Record<string, unknown>;
if (!scope[FLAG]) {
  scope[FLAG] = true;
  mark('start');
  const controller = startThreshold(document, new URL(location.href));
  browser.runtime.onMessage.addListener((msg: unknown) =>
    isStatusRequest(msg) ? controller.then((c) => c.status()) : undefined,
  );
}
