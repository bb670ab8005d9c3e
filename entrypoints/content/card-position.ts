import {
  GUTTER,
  intersect,
  pickReference,
  placeCard,
  preferredSide,
  type Box,
  type CardPlacement,
  type CardSide,
  type Point,
} from '@/core/card-placement';

/**
 * The DOM side of placing the card: reads the mention's boxes, the card's size and what clips the
 * mention, and hands them to core/card-placement.ts. Follows the mention while the card is open.
 */

function boxOf(rect: DOMRectReadOnly): Box {
  return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
}

/** The parent in the rendered (flat) tree: through slots and out of shadow roots. */
function flatParent(node: Node): Element | null {
  const slot = node instanceof Element || node instanceof Text ? node.assignedSlot : null;
  if (slot) return slot;
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : null;
}

/** Overflow clips only boxes that contain blocks: an inline element's overflow does nothing. */
function clipsOverflow(style: CSSStyleDeclaration): boolean {
  const boxless = style.display === 'inline' || style.display === 'contents';
  return !boxless && (style.overflowX !== 'visible' || style.overflowY !== 'visible');
}

/**
 * The elements whose overflow clips the mention, nearest first. An absolutely positioned box
 * escapes its static ancestors and a fixed one escapes them all (transformed ancestors are not
 * counted: the mention is then taken as visible, the safe mistake). The root and body are left
 * out: their overflow belongs to the viewport.
 */
function clippingAncestors(start: Element | null): Element[] {
  const found: Element[] = [];
  let escapingStatic = false;
  for (let element = start; element; element = flatParent(element)) {
    if (element === document.documentElement || element === document.body) break;
    const style = getComputedStyle(element);
    const positioned = style.position !== 'static' || style.transform !== 'none';
    if (escapingStatic && !positioned) continue;
    if (clipsOverflow(style)) found.push(element);
    if (style.position === 'fixed') break;
    escapingStatic = style.position === 'absolute';
  }
  return found;
}

/** The inside of an element's borders (its padding box, scrollbars excluded). */
function paddingBox(element: Element): Box {
  const rect = element.getBoundingClientRect();
  const left = rect.left + element.clientLeft;
  const top = rect.top + element.clientTop;
  return { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight };
}

/** The part of the viewport where the mention can be seen. */
function visibleArea(viewport: Box, clips: readonly Element[]): Box {
  let area: Box | undefined = viewport;
  for (const element of clips) {
    area = area && intersect(area, paddingBox(element));
  }
  // Nothing left: an empty box, which no mention overlaps.
  return area ?? { left: 0, top: 0, right: 0, bottom: 0 };
}

function viewportBox(): Box {
  const root = document.documentElement;
  // clientWidth leaves the scrollbar out; innerWidth is the fallback for odd documents.
  const width = root.clientWidth || window.innerWidth;
  const height = root.clientHeight || window.innerHeight;
  return { left: 0, top: 0, right: width, bottom: height };
}

function startElement(range: Range): Element | null {
  const start = range.startContainer;
  return start instanceof Element ? start : flatParent(start);
}

export interface FollowMentionOptions {
  range: Range;
  /** The card's host: measured, never moved here (`apply` does that). */
  floating: HTMLElement;
  /** Where the pointer was: picks the line of a wrapped mention. */
  pointer?: Point;
  apply: (placed: CardPlacement) => void;
}

/**
 * Places the card for a mention now, then again after scrolling (of the page or any element),
 * resizing, and size changes of the card or the page, at most once a frame. Returns the function
 * that stops following and removes every listener.
 */
export function followMention({
  range,
  floating,
  pointer,
  apply,
}: FollowMentionOptions): () => void {
  const start = startElement(range);
  const side: CardSide = preferredSide(start ? getComputedStyle(start).writingMode : '');
  // Overflow styles rarely change while one card is open: read the clipping chain once.
  const clips = clippingAncestors(start);
  let lastMaxHeight: number | undefined;
  let frame = 0;
  let stopped = false;

  const update = () => {
    frame = 0;
    const viewport = viewportBox();
    const reference = pickReference(Array.from(range.getClientRects(), boxOf), pointer);
    const size = floating.getBoundingClientRect();
    // A card as tall as its last cap may need more: let the placement give it the most room.
    const capped = lastMaxHeight !== undefined && size.height >= lastMaxHeight - 1;
    const placed: CardPlacement = reference
      ? placeCard({
          reference,
          card: { width: size.width, height: capped ? Number.POSITIVE_INFINITY : size.height },
          viewport: { width: viewport.right, height: viewport.bottom },
          visible: visibleArea(viewport, clips),
          side,
        })
      : {
          x: 0,
          y: 0,
          side,
          maxHeight: lastMaxHeight ?? viewport.bottom - 2 * GUTTER,
          referenceHidden: true,
        };
    lastMaxHeight = placed.maxHeight;
    apply(placed);
  };

  const schedule = () => {
    if (!stopped && frame === 0) frame = requestAnimationFrame(update);
  };

  const controller = new AbortController();
  const listen = { capture: true, passive: true, signal: controller.signal } as const;
  // Capturing on the window sees the scroll of every element, not only the page's.
  window.addEventListener('scroll', schedule, listen);
  window.addEventListener('resize', schedule, listen);
  // The card's content changes its size; a page that grows or shrinks moves its text.
  const resizes = new ResizeObserver(schedule);
  resizes.observe(floating);
  resizes.observe(document.documentElement);

  update();
  return () => {
    stopped = true;
    if (frame !== 0) cancelAnimationFrame(frame);
    controller.abort();
    resizes.disconnect();
  };
}
