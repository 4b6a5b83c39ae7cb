/**
 * A region that scrolls sideways on a narrow screen (a tablet at the front desk): focusable and
 * named, so a keyboard user can reach it and scroll it with the arrow keys, and a screen reader
 * says what it holds (axe: scrollable-region-focusable). Positioned, so that visually hidden
 * headers inside (absolutely placed) stay inside and do not widen the page.
 */
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function TableScroll({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer type="native" pos="relative" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}

export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
