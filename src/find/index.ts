// find.js: added to the page by the background when the reader first presses Ctrl+F over the
// overlay (content/find-key.ts), into the content script's world, whose `slots` it shares. It
// stays out of the content script, which every matching page loads, since few readers need it.
import { FIND, slots } from '../overlay/handle';
import { createFind } from './find';

// Added twice (two quick presses before the first was in): one box all the same.
(slots[FIND] ??= createFind(document)).open();
