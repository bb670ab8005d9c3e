/**
 * The one element this extension adds to a page: a host for the card, with an open shadow root.
 *
 * Hand-made rather than WXT's `createShadowRootUi`, which styles its UI with `<style>` elements
 * (one in the shadow root, one in the document) and in its default CSS mode fetches the CSS from
 * a web-accessible extension URL; we want no web_accessible_resources at all. The card's CSS is
 * bundled as a string and adopted by the shadow root as a constructed stylesheet: no element and
 * no fetch, so nothing a page's CSP could refuse. (Checked in Chromium 156 and Firefox 153 on a
 * `style-src 'none'` page: a `<style>` added by the content script was not refused either, so
 * it stays as the fallback where constructed sheets are missing.)
 *
 * The host lives in the top layer (the Popover API) while a card shows, above any z-index, and
 * is taken out of the page when the card closes, so a page without a card open carries no trace.
 */

/** Tag of the host; the page scanner skips it, the end-to-end tests look for it. */
export const CARD_HOST_TAG = 'zhipu-facts-card';

// Host styles are set inline with !important through the CSSOM: inline !important beats any
// page rule (even `* { all: unset !important }`), and CSP does not govern CSSOM writes.
const HOST_STYLE: readonly (readonly [string, string])[] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['inset', 'auto'],
  ['display', 'block'],
  ['left', '0px'],
  ['top', '0px'],
  ['margin', '0px'],
  ['padding', '0px'],
  ['border', 'none'],
  ['background', 'transparent'],
  ['overflow', 'visible'],
  ['width', 'max-content'],
  ['height', 'max-content'],
  ['max-width', 'none'],
  ['max-height', 'none'],
  // Only used when the Popover API is missing: the top layer ignores z-index.
  ['z-index', '2147483647'],
  ['pointer-events', 'auto'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['contain', 'layout style'],
];

export interface CardHost {
  /** Where the card's content is rendered (inside the shadow root). */
  readonly mount: HTMLElement;
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** Puts the host on the page, in the top layer. */
  attach(): void;
  /** Takes the host off the page. */
  detach(): void;
  readonly attached: boolean;
  /** Moves the host to a viewport position (client coordinates), inline and important. */
  moveTo(x: number, y: number): void;
  setVisible(visible: boolean): void;
  /** Is the event's target our card (events from a shadow root are retargeted to its host)? */
  isInside(event: Event): boolean;
  destroy(): void;
}

function setImportant(element: HTMLElement, property: string, value: string): void {
  element.style.setProperty(property, value, 'important');
}

function adoptCss(shadow: ShadowRoot, css: string, mount: HTMLElement): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Constructed stylesheets are missing or refused (older engines): fall back to an element.
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.insertBefore(style, mount);
}

function supportsPopover(element: HTMLElement): boolean {
  return typeof element.showPopover === 'function';
}

/**
 * Creates the host (not yet on the page). `onReattach` runs after the host followed the page
 * into or out of fullscreen, so the card can be placed again.
 */
export function createCardHost({
  css,
  onReattach,
}: {
  css: string;
  onReattach?: () => void;
}): CardHost {
  const host = document.createElement(CARD_HOST_TAG);
  for (const [property, value] of HOST_STYLE) setImportant(host, property, value);
  const usePopover = supportsPopover(host);
  // Manual popovers never light-dismiss and never close the page's own popovers.
  if (usePopover) host.popover = 'manual';
  const shadow = host.attachShadow({ mode: 'open' });
  const mount = document.createElement('div');
  mount.className = 'mount';
  shadow.append(mount);
  adoptCss(shadow, css, mount);

  // Keys typed and clicks made in the card are ours: page shortcuts must not see them.
  for (const type of ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'pointerdown']) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }

  let attached = false;

  // While an element is fullscreen the rest of the document is inert: a card outside it would
  // paint but never take the pointer. So the host goes into the fullscreen element (the one that
  // asked, through shadow roots), and without the top layer that subtree is all that is drawn.
  const parentForHost = (): Element => {
    let full = document.fullscreenElement;
    while (full?.shadowRoot?.fullscreenElement) full = full.shadowRoot.fullscreenElement;
    return full ?? document.documentElement;
  };

  const show = () => {
    const parent = parentForHost();
    // Moving a showing popover closes it; opening it again puts it on top of the top layer,
    // above the fullscreen element that entered it after the card opened.
    if (host.parentElement !== parent) parent.append(host);
    if (usePopover && !host.matches(':popover-open')) {
      try {
        host.showPopover();
      } catch {
        // Not connected or the document is being torn down: the z-index fallback still applies.
      }
    }
  };

  const onFullscreenChange = () => {
    if (!attached || host.parentElement === parentForHost()) return;
    // Moving the host drops the focus it held: the reader's place in the card comes back.
    const focused = shadow.activeElement;
    show();
    if (focused instanceof HTMLElement) focused.focus({ preventScroll: true });
    onReattach?.();
  };
  document.addEventListener('fullscreenchange', onFullscreenChange);

  return {
    mount,
    host,
    shadow,
    attach() {
      if (attached && host.isConnected) return;
      attached = true;
      show();
    },
    detach() {
      if (!attached) return;
      attached = false;
      if (usePopover && host.matches(':popover-open')) host.hidePopover();
      host.remove();
    },
    get attached() {
      return attached && host.isConnected;
    },
    moveTo(x, y) {
      setImportant(host, 'left', `${x}px`);
      setImportant(host, 'top', `${y}px`);
    },
    setVisible(visible) {
      setImportant(host, 'visibility', visible ? 'visible' : 'hidden');
    },
    isInside(event) {
      return event.composedPath().includes(host);
    },
    destroy() {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      this.detach();
    },
  };
}
