/**
 * Notices same-document navigations (history.pushState, back and forward in a single-page app),
 * which change the page without loading a new one. Content scripts live in their own world and
 * cannot wrap the page's `history.pushState`, so: the Navigation API where the browser has it,
 * plus `popstate` and a URL check that catches anything else.
 */

// How often to compare the URL when nothing else told us about a navigation.
const POLL_MS = 1000;

interface NavigationLike extends EventTarget {
  readonly currentEntry: unknown;
}

export function watchNavigation(onNavigate: () => void, signal: AbortSignal): void {
  // A jump to a #fragment is not a new page.
  const page = () => location.href.replace(/#.*$/, '');
  let url = page();
  const check = () => {
    if (page() === url) return;
    url = page();
    onNavigate();
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('currententrychange', check, { signal });
  addEventListener('popstate', check, { signal });
  const timer = setInterval(check, POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
