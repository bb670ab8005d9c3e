import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { VIEW_IDS, type ViewId } from '@/core/popup-location';

export interface ViewTabsProps {
  label: string;
  names: Record<ViewId, string>;
  selected: ViewId;
  onSelect: (view: ViewId) => void;
  /** The selected view's content; the other panels stay empty and hidden. */
  children: ComponentChildren;
}

const tabId = (view: ViewId) => `zf-tab-${view}`;
const panelId = (view: ViewId) => `zf-panel-${view}`;

/**
 * The ARIA tabs pattern: one tab stop for the whole list (roving tabindex), arrow keys move and
 * select (views render at once, so selection follows focus), Home and End jump to the ends.
 */
export function ViewTabs({ label, names, selected, onSelect, children }: ViewTabsProps) {
  const buttons = useRef(new Map<ViewId, HTMLButtonElement>());

  const move = (to: ViewId) => {
    onSelect(to);
    buttons.current.get(to)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = VIEW_IDS.indexOf(selected);
    const last = VIEW_IDS.length - 1;
    const target: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const next = target[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const view = VIEW_IDS[next];
    if (view) move(view);
  };

  return (
    <>
      <div class="zf-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {VIEW_IDS.map((view) => (
          <button
            key={view}
            ref={(element) => {
              if (element) buttons.current.set(view, element);
              else buttons.current.delete(view);
            }}
            type="button"
            role="tab"
            id={tabId(view)}
            class="zf-tab"
            aria-selected={view === selected}
            aria-controls={panelId(view)}
            tabIndex={view === selected ? 0 : -1}
            onClick={() => onSelect(view)}
          >
            {names[view]}
          </button>
        ))}
      </div>
      {VIEW_IDS.map((view) => (
        <div
          key={view}
          role="tabpanel"
          id={panelId(view)}
          class="zf-panel"
          aria-labelledby={tabId(view)}
          tabIndex={0}
          hidden={view !== selected}
        >
          {view === selected && children}
        </div>
      ))}
    </>
  );
}
