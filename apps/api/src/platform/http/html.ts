/** Text made safe to put inside HTML (content and quoted attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A small self-contained page (no scripts, no web app), as the demo stand-ins for outside
 * services show: identification and payment. `style` adds to the common look.
 */
export function standalonePage(page: {
  language: string;
  title: string;
  style: string;
  body: string;
}) {
  return `<!doctype html>
<html lang="${page.language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(page.title)}</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0; background: #f7f7f8; color: #1f1f1f; }
    main { margin: 2rem auto; background: #fff; padding: 1.5rem; border: 1px solid #c8cdd0; }
    .actions { display: flex; flex-wrap: wrap; gap: .75rem; }
${page.style}
  </style>
</head>
<body>
  <main>
${page.body}
  </main>
</body>
</html>`;
}
