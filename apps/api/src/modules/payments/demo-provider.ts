import { createHmac, timingSafeEqual } from 'node:crypto';
import { escapeHtml, standalonePage } from '../../platform/http/html.js';
import type { Language } from '../../platform/i18n/messages.js';

/**
 * The demo payment provider: a hosted "pay / cancel" page served by Helppo itself, so that
 * the whole order flow works offline with `npm start`. It goes through the same interface
 * and the same signed return and callback as a real provider. Never used in production mode.
 */
export type PaymentOutcome = 'ok' | 'cancel';

export function signDemo(
  secret: string,
  paymentId: string,
  outcome: PaymentOutcome,
  amountCents: number,
) {
  return createHmac('sha256', secret)
    .update(`${paymentId}:${outcome}:${amountCents}`)
    .digest('hex');
}

/** Constant-time comparison, so the signature cannot be guessed a byte at a time. */
export function verifyDemo(
  secret: string,
  paymentId: string,
  outcome: PaymentOutcome,
  amountCents: number,
  signature: string,
): boolean {
  const expected = Buffer.from(signDemo(secret, paymentId, outcome, amountCents), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const TEXTS: Record<Language, Record<'title' | 'intro' | 'amount' | 'pay' | 'cancel', string>> = {
  fi: {
    title: 'Testimaksu',
    intro:
      'Tämä on Helpon esittelyversion maksusivu. Rahaa ei siirry: valitse, maksetaanko tilaus vai perutaanko maksu.',
    amount: 'Maksettava',
    pay: 'Maksa',
    cancel: 'Peruuta maksu',
  },
  sv: {
    title: 'Testbetalning',
    intro:
      'Det här är betalningssidan i Helppos demoversion. Inga pengar överförs: välj om beställningen betalas eller betalningen avbryts.',
    amount: 'Att betala',
    pay: 'Betala',
    cancel: 'Avbryt betalningen',
  },
  en: {
    title: 'Test payment',
    intro:
      'This is the payment page of the Helppo demo. No money moves: choose whether to pay the order or cancel the payment.',
    amount: 'To pay',
    pay: 'Pay',
    cancel: 'Cancel the payment',
  },
};

export function demoPaymentPage(
  language: Language,
  amountCents: number,
  payUrl: string,
  cancelUrl: string,
) {
  const t = TEXTS[language];
  const amount = new Intl.NumberFormat(language === 'en' ? 'en-IE' : `${language}-FI`, {
    style: 'currency',
    currency: 'EUR',
  }).format(amountCents / 100);
  return standalonePage({
    language,
    title: t.title,
    style: `    main { max-width: 32rem; }
    .amount { font-size: 1.5rem; font-weight: 600; }
    .actions { margin-top: 1.5rem; }
    a { display: inline-block; padding: .6rem 1.2rem; text-decoration: none; border: 1px solid #2a6ebb; }
    a.pay { background: #2a6ebb; color: #fff; }
    a.cancel { color: #2a6ebb; }
    a:focus { outline: 3px solid #1a99c7; outline-offset: 2px; }`,
    body: `    <h1>${t.title}</h1>
    <p>${t.intro}</p>
    <p>${t.amount}: <span class="amount">${escapeHtml(amount)}</span></p>
    <div class="actions">
      <a class="pay" href="${escapeHtml(payUrl)}">${t.pay}</a>
      <a class="cancel" href="${escapeHtml(cancelUrl)}">${t.cancel}</a>
    </div>`,
  });
}
