/**
 * Whether a frame has text worth reading. The content script runs in every frame, ad frames
 * included (a news page can hold a dozen, all empty): a frame without text waits here, for the
 * price of a mutation observer, instead of loading settings and compiling the matcher.
 */

/** Non-blank characters a frame needs before it is read: the shortest alias (智谱) has two. */
export const MIN_FRAME_TEXT = 2;
// How often an empty frame that is changing looks at its text again.
const RECHECK_MS = 250;

const SKIPPED_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const NOT_BLANK = /\S/g;

/** Non-blank characters in `text`, counted up to `limit`. */
function countNotBlank(text: string, limit: number): number {
  let count = 0;
  NOT_BLANK.lastIndex = 0;
  while (count < limit && NOT_BLANK.exec(text) !== null) count++;
  return count;
}

/** True when the document holds at least `min` non-blank characters of text. */
export function hasText(doc: Document, min = MIN_FRAME_TEXT): boolean {
  const root = doc.body ?? doc.documentElement;
  if (root === null) return false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let found = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentNode?.nodeName;
    if (parent !== undefined && SKIPPED_PARENTS.has(parent)) continue;
    found += countNotBlank((node as Text).data, min - found);
    if (found >= min) return true;
  }
  return false;
}

/**
 * Resolves once the document has text (at once if it has). A frame that never gets any keeps
 * one idle observer until `signal` aborts; the promise then never resolves.
 */
export function whenTextArrives(
  doc: Document,
  signal: AbortSignal,
  min = MIN_FRAME_TEXT,
): Promise<void> {
  if (hasText(doc, min)) return Promise.resolve();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      timer = undefined;
    };
    const check = () => {
      timer = undefined;
      if (!hasText(doc, min)) return;
      stop();
      resolve();
    };
    // Looked at a moment after a change, not at every one: ad frames can change constantly.
    const observer = new MutationObserver(() => {
      timer ??= setTimeout(check, RECHECK_MS);
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', stop, { once: true });
  });
}
