import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isHostEnabled, type Settings } from '../../core/settings';
import { localeOf, resolveUiLang } from '../../core/ui-language';
import { findPageTab, readPage, revealMention, showTab, type PageState } from './page-connection';
import { popupSearch, type PopupLocation, type ViewId } from '@/core/popup-location';
import { popupStrings } from './popup-strings';
import { SettingSwitches } from './setting-switches';
import { useSettings } from './use-settings';
import { ViewTabs } from './view-tabs';
import { CompaniesView } from './views/companies-view';
import { FootballView } from './views/football-view';
import { MarketView } from './views/market-view';
import { ModelsView } from './views/models-view';
import { PageView } from './views/page-view';

/** The toolbar popup, or the same UI open full-page in a tab of its own. */
export type Surface = 'popup' | 'tab';

export interface PopupAppProps {
  surface: Surface;
  /** What the address asked for when the UI opened. */
  start: PopupLocation;
  initialSettings: Settings;
}

/** The page "On this page" is about, read again on demand; a late answer never beats a newer one. */
function usePage(tabIdParam: number | undefined) {
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const latest = useRef(0);
  const refresh = useCallback(async () => {
    const ask = ++latest.current;
    const target = await findPageTab(tabIdParam);
    const state = await readPage(target);
    if (ask !== latest.current) return;
    setTabId(target);
    setPage(state);
  }, [tabIdParam]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { page, tabId, refresh };
}

export function PopupApp({ surface, start, initialSettings }: PopupAppProps) {
  const settings = useSettings(initialSettings);
  const lang = resolveUiLang(settings.language, navigator.languages);
  const strings = popupStrings[lang];
  const [view, setView] = useState<ViewId>(start.view);
  const { page, tabId, refresh } = usePage(start.tabId);

  useEffect(() => {
    document.documentElement.lang = localeOf(lang);
    document.title = strings.appName;
  }, [lang, strings]);

  // In a tab, the address follows the view so a reload or a bookmark lands on it again.
  useEffect(() => {
    if (surface === 'tab') history.replaceState(null, '', popupSearch({ view, tabId }));
  }, [surface, view, tabId]);

  // A page the reader switched to or reloaded while the UI stayed open: look again.
  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);

  const host = page.status === 'ready' ? page.host : undefined;

  const openInTab = async () => {
    // This very page, full-size: same view, and still about the same tab.
    const url = `${location.origin}${location.pathname}${popupSearch({ view, tabId })}`;
    await browser.tabs.create({ url });
    if (surface === 'popup') window.close();
  };

  const reveal = async (entityId: string) => {
    if (tabId === undefined) return false;
    const ok = await revealMention(tabId, entityId);
    if (!ok) return false;
    if (surface === 'popup') window.close();
    else await showTab(tabId);
    return true;
  };

  const views: Record<ViewId, () => JSX.Element> = {
    page: () => (
      <PageView
        lang={lang}
        page={page}
        highlighting={host === undefined || isHostEnabled(settings, host)}
        onReveal={reveal}
        onRefresh={() => void refresh()}
      />
    ),
    models: () => <ModelsView lang={lang} />,
    companies: () => <CompaniesView lang={lang} />,
    market: () => <MarketView lang={lang} />,
    football: () => <FootballView lang={lang} />,
  };

  return (
    <div class="zf-app">
      <header class="zf-header">
        <div class="zf-brand">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          <h1>{strings.appName}</h1>
        </div>
        <SettingSwitches
          settings={settings}
          host={host}
          unreachable={page.status === 'unavailable' || page.status === 'no-tab'}
          strings={strings}
        />
        {surface === 'popup' && (
          <button
            type="button"
            class="zf-button zf-open-in-tab"
            title={strings.openInTabLabel}
            onClick={() => void openInTab()}
          >
            {strings.openInTab}
          </button>
        )}
      </header>
      <main class="zf-main">
        <ViewTabs
          label={strings.viewsLabel}
          names={strings.views}
          selected={view}
          onSelect={setView}
        >
          {views[view]()}
        </ViewTabs>
      </main>
    </div>
  );
}
