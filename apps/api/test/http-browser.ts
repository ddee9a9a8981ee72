import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Tests that need real sockets (OIDC redirects between two servers) use these. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A browser: follows nothing by itself, posts forms,, keeps cookies per host (paths are ignored). */
export class Browser {
  private jars = new Map<string, Map<string, string>>();

  jar(host: string) {
    if (!this.jars.has(host)) this.jars.set(host, new Map());
    return this.jars.get(host)!;
  }

  async fetch(url: URL, form?: Record<string, string>): Promise<Response> {
    const jar = this.jar(url.host);
    const target = new URL(url);
    if (target.hostname === 'localhost') target.hostname = '127.0.0.1'; // the API listens on IPv4
    const response = await fetch(target, {
      redirect: 'manual',
      method: form ? 'POST' : 'GET',
      body: form ? new URLSearchParams(form).toString() : undefined,
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        'accept-language': 'fi',
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some(
        (a) =>
          /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()),
      );
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }
}
