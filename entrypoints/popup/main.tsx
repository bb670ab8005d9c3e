import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadSettings } from '../../platform/settings-store';
import { PopupApp, type Surface } from './popup-app';
import { readPopupLocation } from '@/core/popup-location';
import './popup.css';

/** A toolbar popup has no tab of its own; the same page opened in a tab has one. */
async function detectSurface(): Promise<Surface> {
  try {
    return (await browser.tabs.getCurrent()) ? 'tab' : 'popup';
  } catch {
    return 'tab';
  }
}

async function start(root: HTMLElement): Promise<void> {
  const [surface, settings] = await Promise.all([detectSurface(), loadSettings()]);
  // Sizes differ (a fixed popup box versus the full window), so the stylesheet needs to know.
  document.documentElement.dataset.surface = surface;
  render(
    <PopupApp
      surface={surface}
      start={readPopupLocation(location.search)}
      initialSettings={settings}
    />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
