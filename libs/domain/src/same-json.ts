/**
 * `sameJson(a, b)` is `JSON.stringify(a) === JSON.stringify(b)` without writing either text: the
 * status timeline compares the status of every day it visits with the last one's, and the texts
 * were most of that cost. Same rules as JSON.stringify: keys in their order, a property that is
 * undefined (or a function) left out, in an array written as null, a number that is not finite
 * written as null. A value with its own JSON form (toJSON) is compared as its text.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // Two different texts, or two different flags, never write the same.
    if ((typeof a === 'string' && typeof b === 'string') || (typeof a === 'boolean' && typeof b === 'boolean')) return false;
    return JSON.stringify(a) === JSON.stringify(b);
  }
  if (hasToJson(a) || hasToJson(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(inArray(a[i]), inArray(b[i]))) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  let j = 0;
  for (const key of leftKeys) {
    if (!written(left[key])) continue;
    while (j < rightKeys.length && !written(right[rightKeys[j]!])) j++;
    if (j === rightKeys.length || rightKeys[j] !== key || !sameJson(left[key], right[key])) return false;
    j++;
  }
  while (j < rightKeys.length && !written(right[rightKeys[j]!])) j++;
  return j === rightKeys.length;
}

/** Whether JSON.stringify writes an object's property (it leaves out undefined, functions and symbols). */
function written(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** What JSON.stringify writes for an array's item: null where it would leave a property out. */
function inArray(value: unknown): unknown {
  return written(value) ? value : null;
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
