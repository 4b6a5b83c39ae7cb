/**
 * What a text typed by a person may hold before it becomes part of an event, whatever brought it
 * (the API, a spreadsheet import, a correction): no control characters and no half of a UTF-16
 * pair. A NUL or a lone surrogate cannot be stored in PostgreSQL's text or jsonb, so one of them
 * in the log would stop every projection of it; the other controls (ESC, BEL, a bare CR, C1) are
 * invisible, break the lines of CSV exports and calendar feeds, and no name or address needs
 * them. A field that takes several lines (a note, a reason) may hold TAB, LF and CR.
 */

/** `single`: a name, an address, a reference; `multi`: a note or a reason written in sentences. */
export type TextLines = 'single' | 'multi';

export type TextFault =
  { kind: 'control_character'; codePoint: number; index: number } | { kind: 'lone_surrogate'; codePoint: number; index: number };

/* eslint-disable no-control-regex -- control characters are what these find */
/** C0 controls, DEL and the C1 controls. */
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but TAB, LF and CR. */
const CONTROL_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */
/** Half of a UTF-16 pair with no other half (matched by code unit: no `u` flag). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character of `value` that no typed text may hold, or null when there is none. */
export function textFault(value: string, lines: TextLines = 'single'): TextFault | null {
  const control = (lines === 'multi' ? CONTROL_IN_LINES : CONTROL_IN_LINE).exec(value);
  const surrogate = LONE_SURROGATE.exec(value);
  if (control === null && surrogate === null) return null;
  if (surrogate === null || (control !== null && control.index < surrogate.index))
    return { kind: 'control_character', codePoint: value.charCodeAt(control!.index), index: control!.index };
  return { kind: 'lone_surrogate', codePoint: value.charCodeAt(surrogate.index), index: surrogate.index };
}

/** `U+0000`: how a fault's character is named in a message. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The API's message for a field at fault (positions count from 1, as a person counts). */
export function textFaultMessage(fault: TextFault, lines: TextLines = 'single'): string {
  const where = `${codePointName(fault.codePoint)} at character ${fault.index + 1}`;
  if (fault.kind === 'lone_surrogate') return `must not contain half of a UTF-16 surrogate pair (${where})`;
  return lines === 'multi'
    ? `must not contain control characters other than tab and line breaks (${where})`
    : `must not contain control characters, tabs or line breaks (${where})`;
}
