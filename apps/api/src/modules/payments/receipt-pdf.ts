import type { Language } from '../../platform/i18n/messages.js';
import { TIME_ZONE } from '../../platform/i18n/time.js';
import {
  buyerBlock,
  LEFT,
  linesAndVat,
  RIGHT,
  sellerHeader,
  startDocument,
  titleAndFacts,
  totalLine,
  translator,
  type DocumentLine,
} from './pdf-layout.js';

export interface ReceiptPdfInput {
  language: Language;
  orderId: string;
  seller: { name: string; address: string; businessId: string | null };
  buyer: { name: string; email: string | null };
  paidAt: Date;
  payment: { provider: 'demo' | 'paytrail' | 'invoice'; reference: string | null };
  totalCents: number;
  lines: DocumentLine[];
  /** Uncompressed content streams (tests read the text); compressed by default. */
  compress?: boolean;
}

/**
 * A one-page A4 receipt of a paid order in the chosen language: the seller with its business
 * ID, when and how it was paid, the lines with their VAT rates, the VAT per rate and the
 * total. The same layout as the invoice (pdf-layout.ts), so the figures read the same way.
 */
export async function renderReceiptPdf(input: ReceiptPdfInput): Promise<Buffer> {
  const { language } = input;
  const t = translator(language);
  const locale = language === 'en' ? 'en-IE' : `${language}-FI`;
  const paidAt = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(input.paidAt);
  const method =
    input.payment.provider === 'invoice'
      ? t('receipt.method.invoice', { number: input.payment.reference ?? '' })
      : t('receipt.method.online', {
          provider: input.payment.provider === 'paytrail' ? 'Paytrail' : 'demo',
        });
  const shortId = input.orderId.slice(0, 8);
  const { doc, done } = startDocument({
    language,
    title: `${t('receipt.title')} ${shortId}`,
    author: input.seller.name,
    compress: input.compress,
  });

  sellerHeader(doc, language, input.seller);
  titleAndFacts(doc, t('receipt.title'), [
    [t('receipt.order'), shortId],
    [t('receipt.paidAt'), paidAt],
    [t('receipt.paymentMethod'), method],
  ]);
  buyerBlock(doc, language, input.buyer);
  let y = linesAndVat(doc, language, input.lines, 200);
  y = totalLine(doc, language, t('receipt.total'), input.totalCents, y);
  doc.font('Helvetica').fontSize(9);
  doc.text(t('receipt.note'), LEFT, y, { width: RIGHT - LEFT });
  doc.text(`${t('receipt.orderId')}: ${input.orderId}`, { width: RIGHT - LEFT });
  doc.end();
  return done;
}
