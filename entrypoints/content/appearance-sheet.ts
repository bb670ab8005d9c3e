/**
 * The reader's highlight colours and styles, applied live on top of the manifest's defaults.
 *
 * A `<style>` element would be blocked by a strict page CSP (`style-src 'none'`) and would change
 * the page's DOM; a constructed stylesheet in `document.adoptedStyleSheets` is neither markup nor
 * a fetch, so CSP does not govern it, and it leaves the DOM as it was. Where the browser refuses
 * it, the manifest's default colours still paint.
 *
 * The document adopts it only while the reader's appearance differs from the defaults: a new
 * stylesheet makes the browser recompute the style of every element, which took Chromium (156)
 * 500-870 ms on pages of 150,000-300,000 text nodes, and the manifest's stylesheet already paints
 * the defaults.
 *
 * The same sheet is adopted by the open shadow roots we highlight in: Firefox (153) does not let
 * document `::highlight()` rules reach text inside a shadow tree (Chromium does, through
 * inheritance), and the manifest's stylesheet only ever applies to the document.
 */
import { highlightCss } from '@/core/highlight-style';
import { defaultSettings, type Settings } from '@/core/settings';

export interface AppearanceSheet {
  /** True when the document has the reader's styles (false: the manifest's defaults paint). */
  readonly applied: boolean;
  update(appearance: Settings['appearance']): void;
  /** Paints highlights inside an open shadow root too. */
  adoptInto(root: ShadowRoot): void;
  /** Takes the stylesheet back out of the document. */
  destroy(): void;
}

export function createAppearanceSheet(doc: Document): AppearanceSheet {
  const defaultCss = highlightCss(defaultSettings().appearance, { important: true });
  let sheet: CSSStyleSheet | undefined;
  let applied = false;
  let lastCss = '';
  // Shadow roots hold our sheet until we take it back; weakly, so removed components can go.
  const shadowRoots = new Set<WeakRef<ShadowRoot>>();

  function adopt(root: Document | ShadowRoot): boolean {
    if (sheet === undefined) return false;
    const current = root.adoptedStyleSheets;
    if (current.includes(sheet)) return true;
    try {
      // Appending in place keeps the page's own adopted sheets and their order.
      current.push(sheet);
    } catch {
      root.adoptedStyleSheets = [...current, sheet];
    }
    return root.adoptedStyleSheets.includes(sheet);
  }

  function release(root: Document | ShadowRoot, ours: CSSStyleSheet): void {
    try {
      const current = root.adoptedStyleSheets;
      const at = current.indexOf(ours);
      if (at >= 0) current.splice(at, 1);
    } catch {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((entry) => entry !== ours);
      } catch {
        // The document is gone (navigated away): nothing left to clean.
      }
    }
  }

  return {
    get applied() {
      return applied;
    },
    update(appearance) {
      const css = highlightCss(appearance, { important: true });
      try {
        if (sheet === undefined) sheet = new CSSStyleSheet();
        if (css !== lastCss) {
          sheet.replaceSync(css);
          lastCss = css;
        }
        if (css === defaultCss) {
          release(doc, sheet);
          applied = false;
        } else {
          // Adopt again each time: the page may have replaced its adopted sheets meanwhile.
          applied = adopt(doc);
        }
      } catch {
        applied = false;
      }
    },
    adoptInto(root) {
      try {
        if (adopt(root)) shadowRoots.add(new WeakRef(root));
      } catch {
        // A shadow root that refuses adopted sheets keeps the browser's own rendering.
      }
    },
    destroy() {
      if (sheet === undefined) return;
      const ours = sheet;
      release(doc, ours);
      for (const ref of shadowRoots) {
        const root = ref.deref();
        if (root !== undefined) release(root, ours);
      }
      shadowRoots.clear();
      sheet = undefined;
      applied = false;
    },
  };
}
