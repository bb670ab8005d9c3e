/**
 * Finds text nodes the reader can see right now, by asking the browser which text lies under a
 * grid of points over the viewport. The engine scans their blocks before the rest of the page,
 * so a page opened scrolled down (a reload, a #fragment link) lights up where the reader is.
 *
 * A page at its top needs none of this: the scan starts there anyway. That is also where hit
 * tests cost most: with 100,000 paragraphs in one parent, Chromium tries them from the last one
 * up, about 5 ms per point near the top.
 */

// Enough points to land on most blocks of text in a viewport, few enough to stay cheap.
const COLUMNS = 4;
const ROWS = 6;

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function textAt(doc: CaretDocument, x: number, y: number): Node | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    return doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  }
  // Chromium before 128 only has the WebKit name.
  if (typeof doc.caretRangeFromPoint === 'function') {
    return doc.caretRangeFromPoint(x, y)?.startContainer ?? null;
  }
  return null;
}

/**
 * Calls `found` with each distinct text node under the grid, row by row from the top, until
 * `deadline` (performance.now() time); returns true once the whole grid is done. Call again
 * with a later deadline to go on. `awayFromTop` tells whether the reader may have left the top
 * of the page: the caller knows it without reading the scroll position, which makes the browser
 * lay out the page first if it changed.
 */
export function createViewportProbe(
  doc: Document,
  found: (text: Text) => void,
  awayFromTop: () => boolean,
): (deadline: number) => boolean {
  const seen = new Set<Node>();
  let point = 0;
  return (deadline) => {
    const view = doc.defaultView;
    if (view === null || !awayFromTop()) return true;
    const { innerWidth: width, innerHeight: height } = view;
    for (; point < COLUMNS * ROWS; point++) {
      if (performance.now() >= deadline) return false;
      const row = Math.floor(point / COLUMNS);
      const column = point % COLUMNS;
      const node = textAt(doc, ((column + 0.5) * width) / COLUMNS, ((row + 0.5) * height) / ROWS);
      if (node === null || node.nodeType !== Node.TEXT_NODE || seen.has(node)) continue;
      seen.add(node);
      found(node as Text);
    }
    return true;
  };
}
