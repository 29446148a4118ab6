/**
 * Where to send someone after signing in: only a path of this site. Browsers drop tabs and line
 * breaks from addresses and read "\" as "/", so "/\t/evil.example" or "/\\evil.example" would
 * leave the site: such values, and anything that does not stay on the site once resolved, give "/".
 */
const BASE = "http://navette.invalid";

/** The local path to follow after sign-in, or "/". */
export function safeNext(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  // Decided on the normalised result, which is what the Location header says: « /..//evil.example »
  // normalises to « //evil.example », a way out. A path of this site, read again, must stay itself.
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || /^\/[/\\]/.test(path) || /[\u0000-\u001f\u007f\\]/.test(path)) return "/";
  const again = new URL(path, BASE);
  return again.origin === BASE && `${again.pathname}${again.search}${again.hash}` === path ? path : "/";
}
