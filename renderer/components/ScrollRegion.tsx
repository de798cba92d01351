// A box that scrolls its content (a long table) and can be reached with Tab, so keyboard users can scroll it with the
// arrow keys too (WCAG 2.1.1; axe's scrollable-region-focusable). It is a named region for screen readers.
import type { ReactNode } from 'react';

export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `table-scroll ${className}` : 'table-scroll'} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
