import { baseUrl } from './browser.js';

/**
 * Seeds through the public API, as an integrator would: a cookie jar, the CSRF token from
 * getCurrentUser, and JSON bodies.
 */
export class ApiSession {
  private cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly slug = 'tyrskyla') {}

  private async call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${baseUrl()}/api/${this.slug}/${path}`, {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>);
  }

  static async login(email: string, slug = 'tyrskyla') {
    const session = new ApiSession(slug);
    session.csrf = ((await session.call('GET', 'session')) as { csrfToken: string }).csrfToken;
    const me = (await session.call('POST', 'session', { email, password: 'demo' })) as {
      csrfToken: string;
    };
    session.csrf = me.csrfToken;
    return session;
  }

  get(path: string) {
    return this.call('GET', path);
  }

  post(path: string, body: unknown = {}) {
    return this.call('POST', path, body);
  }

  put(path: string, body: unknown = {}) {
    return this.call('PUT', path, body);
  }

  announce(role: string, title: string, body = 'Tiedote') {
    return this.call('POST', 'admin/notifications', { role, title, body, email: false });
  }
}
