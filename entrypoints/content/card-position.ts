import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  shift,
  size,
  type Placement,
  type VirtualElement,
} from '@floating-ui/dom';

/** Gap between the mention and the card. */
const OFFSET = 6;
/** Keeps the card off the viewport edges. */
const GUTTER = 8;
/** Below this the card would be a sliver: let it overflow and scroll instead. */
const MIN_HEIGHT = 120;

export interface Placed {
  x: number;
  y: number;
  placement: Placement;
  /** The mention is scrolled out of sight or clipped away. */
  referenceHidden: boolean;
  /** Height left for the card on the chosen side (the card scrolls inside it). */
  maxHeight: number;
}

/** A reference for floating-ui whose geometry is the mention's Range, read afresh each time. */
export function rangeReference(range: Range): VirtualElement {
  const start = range.startContainer;
  const contextElement = start instanceof Element ? start : (start.parentElement ?? undefined);
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement,
  };
}

/**
 * Which side of the text the card goes: below in horizontal writing; in vertical writing the
 * side of the lines already read, so the card does not cover what comes next.
 */
export function preferredPlacement(writingMode: string): Placement {
  if (writingMode.startsWith('vertical-rl') || writingMode.startsWith('sideways-rl')) {
    return 'right-start';
  }
  if (writingMode.startsWith('vertical-lr') || writingMode.startsWith('sideways-lr')) {
    return 'left-start';
  }
  return 'bottom-start';
}

/** Computes where the card goes for a mention; `pointer` picks the line of a wrapped mention. */
export async function computeCardPosition({
  reference,
  floating,
  placement = 'bottom-start',
  pointer,
}: {
  reference: VirtualElement;
  floating: HTMLElement;
  placement?: Placement;
  pointer?: { x: number; y: number };
}): Promise<Placed> {
  let maxHeight = Number.POSITIVE_INFINITY;
  const result = await computePosition(reference, floating, {
    strategy: 'fixed',
    placement,
    middleware: [
      offset(OFFSET),
      // A mention wrapped over two lines has two rects: stick to the one under the pointer.
      inline(pointer ? { x: pointer.x, y: pointer.y } : {}),
      flip({ padding: GUTTER }),
      shift({ padding: GUTTER }),
      size({
        padding: GUTTER,
        apply({ availableHeight }) {
          maxHeight = Math.max(MIN_HEIGHT, Math.floor(availableHeight));
        },
      }),
      hide({ strategy: 'referenceHidden' }),
    ],
  });
  return {
    x: Math.round(result.x),
    y: Math.round(result.y),
    placement: result.placement,
    referenceHidden: result.middlewareData.hide?.referenceHidden === true,
    maxHeight,
  };
}

/**
 * Keeps the card next to its mention while the page scrolls, resizes or shifts, and while the
 * card's own size changes. Returns the function that stops following.
 */
export function followMention({
  range,
  floating,
  pointer,
  apply,
}: {
  range: Range;
  floating: HTMLElement;
  pointer?: { x: number; y: number };
  apply: (placed: Placed) => void;
}): () => void {
  const reference = rangeReference(range);
  const context = reference.contextElement;
  const placement = preferredPlacement(
    context ? getComputedStyle(context).writingMode : 'horizontal-tb',
  );
  let stopped = false;
  const update = () => {
    computeCardPosition({ reference, floating, placement, pointer }).then(
      (placed) => {
        if (!stopped) apply(placed);
      },
      () => {
        // The mention left the page mid-computation: nothing to place against.
      },
    );
  };
  const cleanup = autoUpdate(reference, floating, update);
  return () => {
    stopped = true;
    cleanup();
  };
}
