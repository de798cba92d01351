// The app's one tablist (WAI-ARIA tabs pattern, automatic activation): Tab enters the list on the selected tab and
// leaves it for the panel; Left/Right move to the previous/next tab and select it (wrapping), Home/End to the
// first/last. Disabled tabs are skipped. The children are the selected tab's panel.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
  disabled?: boolean;
  /** Why the tab is disabled, or more about it. */
  title?: string;
}

interface Props<T extends string> {
  items: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** The list's accessible name ("Analysis views"). */
  label: string;
  /** Unique on the page: the tabs are `${idPrefix}-tab-<index>`, the panel `${idPrefix}-panel` (ids may hold spaces, indices not). */
  idPrefix: string;
  className?: string;
  children: ReactNode;
}

/** The element id of the tab at `index` of the list `idPrefix` (to move focus to it). */
export const tabElementId = (idPrefix: string, index: number) => `${idPrefix}-tab-${index}`;

export function Tabs<T extends string>({ items, selected, onSelect, label, idPrefix, className, children }: Props<T>) {
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const enabled = items.filter((t) => !t.disabled);
  // The roving tab stop: the selected tab, or the first enabled one when the selection is not (yet) a tab.
  const stop = enabled.some((t) => t.id === selected) ? selected : enabled[0]?.id;
  const tabId = (id: T) => tabElementId(idPrefix, items.findIndex((t) => t.id === id));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = enabled.findIndex((t) => t.id === stop);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: enabled.length - 1 }[e.key];
    if (next === undefined || enabled.length === 0) return;
    e.preventDefault();
    const target = enabled[(next + enabled.length) % enabled.length].id;
    onSelect(target);
    buttons.current.get(target)?.focus();
  };

  return (
    <>
      <div className={className ? `tabs ${className}` : 'tabs'} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {items.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) buttons.current.set(t.id, el);
              else buttons.current.delete(t.id);
            }}
            id={tabId(t.id)}
            type="button"
            role="tab"
            aria-selected={t.id === selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={t.id === stop ? 0 : -1}
            className={t.id === selected ? 'tab active' : 'tab'}
            disabled={t.disabled}
            title={t.title}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {/* Not a tab stop itself (APG allows it when panels start with controls, as the app's do): Tab from the list
          goes straight to the panel's first control. */}
      <div id={`${idPrefix}-panel`} role="tabpanel" aria-labelledby={tabId(stop ?? selected)}>
        {children}
      </div>
    </>
  );
}
