/** The popup's views, in tab order. `page` is "On this page". */
export const VIEW_IDS = ['page', 'models', 'companies', 'market', 'football'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export interface PopupLocation {
  view: ViewId;
  /** The tab "On this page" is about, when the UI is open in a tab of its own. */
  tabId?: number;
}

function isViewId(value: string | null): value is ViewId {
  return (VIEW_IDS as readonly (string | null)[]).includes(value);
}

/** Reads `?view=models&tabId=12`; anything unknown or malformed falls back to the defaults. */
export function readPopupLocation(search: string): PopupLocation {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const rawTab = params.get('tabId');
  const tabId = rawTab !== null && /^\d{1,10}$/.test(rawTab) ? Number(rawTab) : undefined;
  return {
    view: isViewId(view) ? view : 'page',
    ...(tabId !== undefined && Number.isSafeInteger(tabId) ? { tabId } : {}),
  };
}

/** The query string that reopens the UI on the same view, for the same tab. */
export function popupSearch({ view, tabId }: PopupLocation): string {
  const params = new URLSearchParams({ view });
  if (tabId !== undefined) params.set('tabId', String(tabId));
  return `?${params.toString()}`;
}
