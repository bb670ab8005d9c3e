import { describe, expect, it } from 'vitest';
import { popupSearch, readPopupLocation } from '../../core/popup-location';

describe('readPopupLocation', () => {
  it('reads the view and the tab', () => {
    expect(readPopupLocation('?view=market&tabId=42')).toEqual({ view: 'market', tabId: 42 });
  });

  it('opens "On this page" by default and ignores what it does not know', () => {
    expect(readPopupLocation('')).toEqual({ view: 'page' });
    expect(readPopupLocation('?view=admin&tabId=-1')).toEqual({ view: 'page' });
    expect(readPopupLocation('?tabId=1e3')).toEqual({ view: 'page' });
    expect(readPopupLocation('?tabId=99999999999')).toEqual({ view: 'page' });
  });

  it('round-trips through popupSearch', () => {
    const location = { view: 'football', tabId: 7 } as const;
    expect(readPopupLocation(popupSearch(location))).toEqual(location);
    expect(popupSearch({ view: 'models' })).toBe('?view=models');
  });
});
