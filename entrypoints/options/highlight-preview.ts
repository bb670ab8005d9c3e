import { useLayoutEffect, useRef } from 'preact/hooks';
import { highlightCss, highlightName } from '../../core/highlight-style';
import type { GroupAppearance } from '../../core/settings';
import { GroupIdSchema } from '../../data';

/**
 * Paints the sample mentions inside `container` the way pages are painted: the same
 * `::highlight()` rules from core/highlight-style.ts over real CSS highlights, so the preview
 * cannot drift from what readers see. Each element with `data-group` is one sample mention.
 */
export function useHighlightPreview(
  container: { current: HTMLElement | null },
  appearance: Readonly<Record<string, GroupAppearance>>,
): void {
  const sheet = useRef<CSSStyleSheet>();

  // A layout effect, declared first, so the sheet exists before the first paint below.
  useLayoutEffect(() => {
    const own = new CSSStyleSheet();
    sheet.current = own;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, own];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((entry) => entry !== own);
      for (const id of GroupIdSchema.options) CSS.highlights.delete(highlightName(id));
    };
  }, []);

  // After every render: a language switch or a new colour changes the text or the rules.
  useLayoutEffect(() => {
    sheet.current?.replaceSync(highlightCss(appearance, { important: false }));
    const byGroup = new Map<string, Range[]>();
    for (const element of container.current?.querySelectorAll<HTMLElement>('[data-group]') ?? []) {
      const group = element.dataset.group ?? '';
      const range = document.createRange();
      range.selectNodeContents(element);
      byGroup.set(group, [...(byGroup.get(group) ?? []), range]);
    }
    for (const id of GroupIdSchema.options) {
      const ranges = byGroup.get(id);
      if (ranges) CSS.highlights.set(highlightName(id), new Highlight(...ranges));
      else CSS.highlights.delete(highlightName(id));
    }
  });
}
