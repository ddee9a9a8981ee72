/* global self */
// Helppo's service worker: shows Web Push notices and opens their link when tapped. It
// deliberately caches nothing and has no fetch handler, so every page load gets the newest
// build from the server (the server sends this file with cache-control: no-cache).

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** Only addresses of this site are opened: a push cannot send the user elsewhere. */
function sameOriginUrl(link) {
  try {
    const url = new URL(link || '/', self.location.origin);
    return url.origin === self.location.origin ? url.href : self.location.origin + '/';
  } catch {
    return self.location.origin + '/';
  }
}

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const url = sameOriginUrl(data.link);
  event.waitUntil(
    self.registration.showNotification(data.title || 'Helppo', {
      body: data.body || '',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-maskable-192.png',
      // A newer notice about the same thing replaces the older one.
      tag: url,
      data: { url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = sameOriginUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const exact = windows.find((client) => client.url === url);
      if (exact) return exact.focus();
      const open = windows.find((client) => 'navigate' in client);
      if (open) {
        await open.focus();
        return open.navigate(url);
      }
      return self.clients.openWindow(url);
    })(),
  );
});
