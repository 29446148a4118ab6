/**
 * A visitor with a cookie jar, over `app.request` (no network): keeps the cookies the server sets,
 * sends forms, reads the CSRF token the server put in a page, signs in.
 */
import type { Hono } from "hono";

/** Something that answers requests like a Hono app. */
type App = Pick<Hono, "request">;

export class CookieJarVisitor {
  readonly cookies = new Map<string, string>();
  /** `headers` go with every request (a client address behind a proxy, say). */
  constructor(
    private readonly app: App,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** A request carrying the jar's cookies; `form` is sent url-encoded. */
  async request(path: string, init: RequestInit & { form?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers(this.headers);
    new Headers(init.headers).forEach((value, name) => headers.set(name, value));
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    let body = init.body;
    if (init.form) {
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(init.form).toString();
    }
    const response = await this.app.request(path, { ...init, headers, body });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, value] = pair!.split("=");
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name!);
      else this.cookies.set(name!, value ?? "");
    }
    return response;
  }

  /** The CSRF token the server put in a page's forms. */
  async csrf(path = "/connexion"): Promise<string> {
    const html = await (await this.request(path)).text();
    return /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  }

  /** Submits the sign-in form; resolves to the server's answer. */
  async login(email: string, password: string): Promise<Response> {
    const csrf = await this.csrf();
    return this.request("/connexion", { method: "POST", form: { _csrf: csrf, email, motdepasse: password, suite: "/" } });
  }

  /** As an admin: creates an invitation for `role` and returns its path (« /invitation/… »). */
  async invitationLink(role: string): Promise<string> {
    const page = await (
      await this.request("/admin/invitations", { method: "POST", form: { role, _csrf: await this.csrf("/admin/utilisateurs") } })
    ).text();
    return /<code>https?:\/\/[^/]+(\/invitation\/[\w-]+)<\/code>/.exec(page)![1]!;
  }
}
