/**
 * Where the hover card goes, as pure geometry: the mention's boxes and the card's size in,
 * a viewport position out. No DOM here; entrypoints/content/card-position.ts reads the boxes.
 */

/** A box in viewport (client) coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The side of the mention the card sits on. */
export type CardSide = 'bottom' | 'top' | 'right' | 'left';

/** Gap between the mention and the card, so the card never hides the word it explains. */
export const OFFSET = 6;
/** Keeps the card off the viewport edges. */
export const GUTTER = 8;
/** Below this the card would be a sliver: it may cover the mention rather than shrink further. */
export const MIN_HEIGHT = 120;

export interface CardPlacement {
  /** Left and top of the card, in viewport coordinates, whole pixels. */
  x: number;
  y: number;
  side: CardSide;
  /** The tallest the card may be there (it scrolls inside); never more than the viewport allows. */
  maxHeight: number;
  /** The mention cannot be seen (scrolled away or clipped): the card should not show. */
  referenceHidden: boolean;
}

const OPPOSITE: Record<CardSide, CardSide> = {
  bottom: 'top',
  top: 'bottom',
  right: 'left',
  left: 'right',
};

/** `value` kept within [low, high]; `low` wins when the range is empty (too small a viewport). */
function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

function hasArea(box: Box): boolean {
  return box.right > box.left && box.bottom > box.top;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function distanceTo(box: Box, point: Point): number {
  const dx = Math.max(box.left - point.x, 0, point.x - box.right);
  const dy = Math.max(box.top - point.y, 0, point.y - box.bottom);
  return Math.hypot(dx, dy);
}

/** The smallest box holding all `boxes` (which must not be empty). */
function unionOf(boxes: readonly Box[]): Box {
  return boxes.reduce((sum, box) => ({
    left: Math.min(sum.left, box.left),
    top: Math.min(sum.top, box.top),
    right: Math.max(sum.right, box.right),
    bottom: Math.max(sum.bottom, box.bottom),
  }));
}

/** The part of `box` inside `clip`, or undefined if they do not meet. */
export function intersect(box: Box, clip: Box): Box | undefined {
  const inside = {
    left: Math.max(box.left, clip.left),
    top: Math.max(box.top, clip.top),
    right: Math.min(box.right, clip.right),
    bottom: Math.min(box.bottom, clip.bottom),
  };
  return hasArea(inside) ? inside : undefined;
}

/**
 * The box the card points at. A mention wrapped over several lines has one box per line: with a
 * pointer, the line under it (or the nearest); without one (keyboard, popup), all lines together.
 * Undefined when the mention has no box at all (removed, `display: none`).
 */
export function pickReference(boxes: readonly Box[], pointer?: Point): Box | undefined {
  const lines = boxes.filter(hasArea);
  if (lines.length === 0) return undefined;
  if (!pointer) return unionOf(lines);
  let best = lines[0]!;
  for (const line of lines) {
    if (distanceTo(line, pointer) < distanceTo(best, pointer)) best = line;
  }
  return best;
}

/**
 * Which side the card prefers for text in a writing mode: below in horizontal text; in vertical
 * text the side of the lines already read, so the card does not cover what comes next.
 */
export function preferredSide(writingMode: string): CardSide {
  if (writingMode.startsWith('vertical-rl') || writingMode.startsWith('sideways-rl')) {
    return 'right';
  }
  if (writingMode.startsWith('vertical-lr') || writingMode.startsWith('sideways-lr')) {
    return 'left';
  }
  return 'bottom';
}

/** Room between the reference (plus the offset) and the viewport's gutter on `side`. */
function roomOn(side: CardSide, reference: Box, viewport: Size): number {
  switch (side) {
    case 'bottom':
      return viewport.height - GUTTER - (reference.bottom + OFFSET);
    case 'top':
      return reference.top - OFFSET - GUTTER;
    case 'right':
      return viewport.width - GUTTER - (reference.right + OFFSET);
    case 'left':
      return reference.left - OFFSET - GUTTER;
  }
}

/**
 * The preferred side if the card fits there, else whichever side has more room: the opposite one
 * when the card fits there, else the one where it is capped the least (it then scrolls).
 */
function chooseSide(preferred: CardSide, reference: Box, card: Size, viewport: Size): CardSide {
  const opposite = OPPOSITE[preferred];
  const vertical = preferred === 'bottom' || preferred === 'top';
  const needed = vertical ? card.height : card.width;
  const roomHere = roomOn(preferred, reference, viewport);
  if (needed <= roomHere) return preferred;
  return roomOn(opposite, reference, viewport) > roomHere ? opposite : preferred;
}

export interface PlaceCardOptions {
  /** The box the card points at (see `pickReference`). */
  reference: Box;
  /** The card's size; a height of Infinity means "as tall as it can be". */
  card: Size;
  viewport: Size;
  /** Where the mention can be seen: the viewport, cut by the mention's clipping boxes. */
  visible: Box;
  side: CardSide;
}

/** Places the card beside its reference: flipped when there is no room, shifted into the viewport. */
export function placeCard({
  reference,
  card,
  viewport,
  visible,
  side,
}: PlaceCardOptions): CardPlacement {
  const chosen = chooseSide(side, reference, card, viewport);
  const fullHeight = Math.max(0, viewport.height - 2 * GUTTER);
  const vertical = chosen === 'bottom' || chosen === 'top';
  // Above or below, the room on that side; beside the text, the viewport's whole height.
  const room = vertical ? roomOn(chosen, reference, viewport) : fullHeight;
  const maxHeight = Math.floor(Math.min(fullHeight, Math.max(MIN_HEIGHT, room)));
  const height = Math.min(card.height, maxHeight);

  let x: number;
  let y: number;
  if (vertical) {
    x = reference.left;
    y = chosen === 'bottom' ? reference.bottom + OFFSET : reference.top - OFFSET - height;
  } else {
    x = chosen === 'right' ? reference.right + OFFSET : reference.left - OFFSET - card.width;
    y = reference.top;
  }
  // Shift into the viewport; on the main axis this only bites when neither side had room.
  x = clamp(x, GUTTER, viewport.width - GUTTER - card.width);
  y = clamp(y, GUTTER, viewport.height - GUTTER - height);
  // Rounded down, so a card clamped to the far edge keeps the whole gutter.
  return {
    x: Math.floor(x),
    y: Math.floor(y),
    side: chosen,
    maxHeight,
    referenceHidden: !overlaps(reference, visible),
  };
}
