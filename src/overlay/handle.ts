import type { ViewStore } from './view-store';

/**
 * What the scripts the background adds to a page on demand (find.js) use of the overlay. They
 * run in the content script's world (its globals are theirs), where the mounted overlay leaves
 * this handle under HANDLE; there is none when no overlay is mounted.
 */
export interface OverlayHandle {
  /** The overlay's root element ([data-threshold-root]). */
  readonly root: HTMLElement;
  /** The discussion and how each comment is shown now. */
  readonly store: ViewStore;
  /** Brings comment `id`'s row into view and focuses it (list-view/ scrollToComment). */
  scrollToComment(id: string): boolean;
  /** The drawn row of comment `id`, null when it is not drawn (off screen, or hidden). */
  element(id: string): HTMLElement | null;
  /** Calls `fn` after the drawn rows changed. Returns a stop function. */
  onDraw(fn: () => void): () => void;
}

export const HANDLE = Symbol.for('threshold.overlay');

/** What find.js leaves in the same world once it is there: opening it again needs no message. */
export const FIND = Symbol.for('threshold.find');

export interface FindHandle {
  /** Shows the find box (focused, its text selected). */
  open(): void;
  /** Whether `el` is part of the find box (a second Ctrl+F there is the browser's own find). */
  owns(el: EventTarget | null): boolean;
  /** Takes the box and its marks away (the overlay is going). */
  close?(): void;
}

type Slots = { [HANDLE]?: OverlayHandle; [FIND]?: FindHandle };
export const slots = globalThis as unknown as Slots;
