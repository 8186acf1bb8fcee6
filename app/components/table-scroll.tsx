import type { ReactNode } from "react";

/**
 * A table that may be wider than a phone: it scrolls sideways inside this box, and the box can
 * take the keyboard's focus so that it can be scrolled without a pointer (WCAG 2.1.1; axe's
 * scrollable-region-focusable). On paper it does not scroll (print styles).
 */
export function TableScroll({ children }: { children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0}>
      {children}
    </div>
  );
}
