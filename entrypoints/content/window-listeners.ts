type Listeners = { [K in keyof WindowEventMap]?: (event: WindowEventMap[K]) => void };

/**
 * Window listeners switched on and off together: for events that come many times a second and
 * matter only in some states, so that in the others none of our code runs at them. Returns the
 * switch; switching to the state it is in does nothing.
 */
export function windowListeners(
  view: Window,
  listeners: Listeners,
  options: AddEventListenerOptions,
): (on: boolean) => void {
  // Each entry pairs a type with its own listener, so handing them on as plain ones is safe.
  const entries = Object.entries(listeners) as [string, EventListener][];
  let listening = false;
  return (on) => {
    if (on === listening) return;
    listening = on;
    for (const [type, listener] of entries) {
      if (on) view.addEventListener(type, listener, options);
      else view.removeEventListener(type, listener, options);
    }
  };
}
