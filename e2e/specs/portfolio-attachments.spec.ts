import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  collectPageErrors,
  expectNoAxeViolations,
  launch,
  loginAs,
  newContext,
} from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
// Unique per run: other specs and earlier runs share the server.
const TITLE = `Pyöräkatos koululle ${Date.now().toString(36)}`;
const ALT = 'Pyöriä sikin sokin koulun seinustalla sateessa';

describe('idea attachments', () => {
  it('a resident submits an idea with an image and a PDF on a phone; the page shows them', async () => {
    // The app's own 512 px icon stands in for a photo taken with the phone.
    const photo = await readFile(
      new URL('../../apps/web/public/icons/icon-512.png', import.meta.url),
    );
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAs(page, 'asukas@tyrskyla.example', '/tyrskyla/portfolio/new');
    await page.getByLabel('Otsikko').fill(TITLE);
    await page.getByLabel('Mikä on ongelma?').fill('Pyörät kastuvat ja kaatuilevat.');
    await page.getByLabel('Mitä ehdotat?').fill('Katos ja uudet telineet, luonnos liitteenä.');
    await page.getByLabel('Liitteet (valinnainen)').setInputFiles([
      { name: 'pyorat.png', mimeType: 'image/png', buffer: photo },
      { name: 'luonnos.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    const chosen = page.getByRole('list', { name: 'Valitut liitteet' });
    expect(await chosen.innerText()).toContain('luonnos.pdf');
    // The image needs a description before the idea goes.
    await page.getByRole('button', { name: 'Lähetä idea' }).click();
    await page.getByText('Kirjoita kuvaus jokaisesta kuvasta.').waitFor();
    await expectNoAxeViolations(page, 'idea form with files (phone)');
    await page.screenshot({ path: '/tmp/idea-attachments/form-fi.png', fullPage: true });
    await page.getByLabel('Kuvaus kuvasta pyorat.png').fill(ALT);
    await page.getByRole('button', { name: 'Lähetä idea' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    await page.getByRole('heading', { name: 'Kuvat ja liitteet' }).waitFor();
    const image = page.getByRole('img', { name: ALT });
    await image.waitFor();
    await expect
      .poll(() =>
        image.evaluate((node) => {
          const img = node as unknown as { complete: boolean; naturalWidth: number };
          return img.complete ? img.naturalWidth : 0;
        }),
      )
      .toBe(512);
    const pdf = page.getByRole('link', { name: /luonnos\.pdf \(PDF/ });
    const download = await page.request.get((await pdf.getAttribute('href'))!);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
    await expectNoAxeViolations(page, 'idea page with an image and a PDF (phone)');
    await page.screenshot({ path: '/tmp/idea-attachments/idea-fi.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('anyone reads them in Swedish; the team removes the image', async () => {
    const visitor = await newContext(browser, 'phone', 'sv-SE');
    const page = await visitor.newPage();
    const ideas = await page.request.get(
      `/api/tyrskyla/portfolio/ideas?q=${encodeURIComponent(TITLE)}`,
    );
    const idea = ((await ideas.json()) as { items: { id: string; title: string }[] }).items.find(
      (i) => i.title === TITLE,
    )!;
    const url = `/tyrskyla/portfolio/ideas/${idea.id}`;
    await page.goto(url);
    await page.getByRole('heading', { name: 'Bilder och bilagor' }).waitFor();
    await page.getByRole('img', { name: ALT }).waitFor();
    await expectNoAxeViolations(page, 'idea page with files, logged out (Swedish phone)');
    await page.screenshot({ path: '/tmp/idea-attachments/idea-sv.png', fullPage: true });
    await visitor.close();

    const team = await newContext(browser, 'desktop');
    const teamPage = await team.newPage();
    await loginAs(teamPage, 'digiryhma@tyrskyla.example', url);
    await teamPage.getByRole('button', { name: 'Poista tiedosto pyorat.jpg' }).click();
    await expect.poll(() => teamPage.getByRole('img', { name: ALT }).count()).toBe(0);
    await teamPage.getByRole('link', { name: /luonnos\.pdf/ }).waitFor();
    await expectNoAxeViolations(teamPage, 'idea page with files, digital team');
    await team.close();
  });
});
