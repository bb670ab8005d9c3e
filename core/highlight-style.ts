/**
 * The `::highlight()` rules that paint mentions, built from the appearance settings. Pure text:
 * the page layer adopts it as a stylesheet, a unit test checks the manifest's default
 * stylesheet (entrypoints/highlights.content.css) against it.
 */
import { GroupIdSchema, type GroupId } from '../data/group-ids';
import type { GroupAppearance } from './settings';

/** Our entries in `CSS.highlights` are named `zf-<group>`. */
const HIGHLIGHT_PREFIX = 'zf-';

// Thick enough to see on any font size, thin enough not to look like a link on most sites.
export const UNDERLINE_THICKNESS = '2px';
// A tint light enough for dark text on a light page and for light text on a dark page.
export const BACKGROUND_SHARE = '28%';

const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Mentions in a text node longer than this are tinted, never underlined. Chromium redraws an
 * underlined highlight across its whole text node at every frame the page changes anything
 * (about 11 ms per million characters, measured), while a tint costs next to nothing; such nodes
 * are plain-text files and generated dumps, not prose.
 */
export const LONG_TEXT_CHARS = 100_000;

/**
 * Pages with more text nodes than this have every mention tinted. While any underlined highlight
 * is registered, Chromium walks the whole layout tree again at every frame in which the page
 * changes anything (measured: about 20 ns per text node and 130 ns per block, so 20 ms a frame on
 * a page of a million text nodes); here that walk stays under a few milliseconds.
 */
export const LARGE_PAGE_TEXT_NODES = 50_000;
/**
 * Pages with more elements than this when the engine starts are tinted from their first
 * highlight, before any text is counted: blocks cost more than text nodes in that walk, and
 * switching from underline to tint later repaints the whole page once more (~170 ms on the
 * bench's 100,000-paragraph page) and shows the reader the swap.
 */
export const LARGE_PAGE_ELEMENTS = 50_000;

// Suffix of the highlight that holds a group's mentions in long text nodes.
const TINTED_SUFFIX = '-tinted';

/**
 * `tinted`: the group's highlight for mentions in long text nodes and on large pages (see
 * LONG_TEXT_CHARS and LARGE_PAGE_TEXT_NODES).
 */
export function highlightName(group: GroupId, { tinted = false } = {}): string {
  return `${HIGHLIGHT_PREFIX}${group}${tinted ? TINTED_SUFFIX : ''}`;
}

/** The declarations for one group's highlight; none for style 'none' (still hit-testable). */
function declarations({ color, style }: GroupAppearance): string[] {
  const underline = style === 'underline' || style === 'both';
  const background = style === 'background' || style === 'both';
  return [
    `text-decoration-line: ${underline ? 'underline' : 'none'}`,
    ...(underline
      ? [`text-decoration-color: ${color}`, `text-decoration-thickness: ${UNDERLINE_THICKNESS}`]
      : []),
    `background-color: ${background ? `color-mix(in srgb, ${color} ${BACKGROUND_SHARE}, transparent)` : 'transparent'}`,
  ];
}

/**
 * Rules for every group in `appearance`. `important` makes them beat the manifest's defaults
 * whatever order the browser puts the two stylesheets in. Entries that are not a known group
 * with a #rrggbb colour are left out, so nothing but a colour ever reaches the CSS.
 */
export function highlightCss(
  appearance: Readonly<Partial<Record<string, GroupAppearance>>>,
  { important }: { important: boolean },
): string {
  const suffix = important ? ' !important' : '';
  const rules: string[] = [];
  for (const [group, look] of Object.entries(appearance)) {
    const id = GroupIdSchema.safeParse(group);
    if (!id.success || look === undefined || !COLOR.test(look.color)) continue;
    const rule = (name: string, style: GroupAppearance['style']) => {
      const body = declarations({ color: look.color, style })
        .map((declaration) => `  ${declaration}${suffix};`)
        .join('\n');
      return `::highlight(${name}) {\n${body}\n}`;
    };
    rules.push(
      rule(highlightName(id.data), look.style),
      // Long text nodes: whatever would be underlined gets the tint instead.
      rule(highlightName(id.data, { tinted: true }), look.style === 'none' ? 'none' : 'background'),
    );
  }
  return `${rules.join('\n\n')}\n`;
}
