/**
 * How this person reads dates: 西暦 (2026年4月1日), 和暦 (令和8年4月1日) or both
 * (2026年(令和8年)4月1日). A setting of the person on this browser, kept in localStorage, read
 * by every date the screens show (format-date.ts) and passed to the exports (`dates=`).
 */
import { useSyncExternalStore } from 'react';

export const DATE_STYLES = ['western', 'japanese', 'both'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

const KEY = 'zairyu.dateStyle';
const listeners = new Set<() => void>();

function stored(): DateStyle {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    return (DATE_STYLES as readonly string[]).includes(value ?? '') ? (value as DateStyle) : 'western';
  } catch {
    return 'western';
  }
}

let current: DateStyle = stored();

export function dateStyle(): DateStyle {
  return current;
}

export function setDateStyle(style: DateStyle): void {
  current = style;
  try {
    globalThis.localStorage?.setItem(KEY, style);
  } catch {
    // A browser that refuses storage keeps the choice for this visit only.
  }
  for (const listener of listeners) listener();
}

export function useDateStyle(): DateStyle {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, dateStyle);
}
