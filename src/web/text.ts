/**
 * Text of a value read from a form or a stored event payload: strings and numbers as they are,
 * anything else (a File from a form, an object) as "". Never "[object Object]".
 */
export function textOf(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}
