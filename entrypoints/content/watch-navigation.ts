/**
 * Notices same-document navigations (history.pushState, back and forward in a single-page app),
 * which change the page without loading a new one. Content scripts live in their own world and
 * cannot wrap the page's `history.pushState`, so: the Navigation API, which reports every one of
 * them, where the browser has it; elsewhere `popstate` and a URL check that catches the rest.
 */

// How often to compare the URL when nothing else tells us about a navigation.
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
  if (navigation !== undefined) {
    // No timer then: a check every second in every frame of every tab would wake the page for
    // nothing (the end-to-end tests check that the event reaches this world in both browsers).
    navigation.addEventListener('currententrychange', check, { signal });
    return;
  }
  addEventListener('popstate', check, { signal });
  const timer = setInterval(check, POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
