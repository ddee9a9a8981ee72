import bwipjs from 'bwip-js';
import type { Language } from '../../platform/i18n/messages.js';
import { invoiceFormat } from './format.js';
import type { InvoiceView } from './invoices.repo.js';
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
  PAGE_HEIGHT,
  type DocumentBuyer,
  type DocumentLine,
} from './pdf-layout.js';

export interface InvoicePdfInput {
  invoice: InvoiceView;
  municipalityAddress: string;
  /** A person (name and email) or an organisation as the invoice was issued to it. */
  buyer: DocumentBuyer;
  lines: DocumentLine[];
  language: Language;
  /** Uncompressed content streams (tests read the text); compressed by default. */
  compress?: boolean;
}

const MM = 72 / 25.4;

/**
 * The bank barcode as the Finnish banks' barcode guide asks: Code 128 (character set C) of
 * the 54-digit virtual barcode, about 0.25–0.3 mm per module and 10 mm or more high.
 */
async function bankBarcode(digits: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text: digits,
    scale: 3,
    height: 13,
    includetext: false,
  });
}

/**
 * An A4 invoice (more pages when its lines need them) in the chosen language: payee, buyer, invoice facts, the lines with
 * VAT, the VAT breakdown and total, and the bank transfer part with the references, the
 * virtual barcode and the barcode itself. Line names are as frozen on the order.
 */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const { invoice, language } = input;
  const t = translator(language);
  const f = invoiceFormat(language);
  const barcode = await bankBarcode(invoice.virtualBarcode);
  const { doc, done } = startDocument({
    language,
    title: `${t('invoice.title')} ${invoice.number}`,
    author: invoice.payee.name,
    compress: input.compress,
  });

  sellerHeader(doc, language, {
    name: invoice.payee.name,
    address: input.municipalityAddress,
    businessId: invoice.payee.businessId,
  });
  titleAndFacts(doc, t('invoice.title'), [
    [t('invoice.number'), invoice.number],
    [t('invoice.issueDate'), f.date(invoice.issueDate)],
    [t('invoice.dueDate'), f.date(invoice.dueDate)],
    [t('invoice.reference'), f.reference(invoice.reference)],
    [t('invoice.rfReference'), f.rfReference(invoice.rfReference)],
  ]);
  buyerBlock(doc, language, input.buyer);
  // The bank transfer part takes the bottom of the last page; lines that do not fit before it
  // go on to further pages.
  const top = PAGE_HEIGHT - 50 - 230;
  const credited = invoice.creditedCents > 0;
  let y = linesAndVat(
    doc,
    language,
    input.lines,
    Math.max(200, doc.y + 16),
    top,
    credited ? 66 : 30,
  );
  y = totalLine(doc, language, t('invoice.total'), invoice.amountCents, y);
  if (credited) {
    // Cancelled before payment: the credit and what is left to pay.
    y -= 12;
    doc.font('Helvetica').fontSize(10).text(t('invoice.credited'), 270, y, { width: 150 });
    doc.text(`-${f.euros(invoice.creditedCents)}`, 420, y, { width: 125, align: 'right' });
    y += 16;
    doc.font('Helvetica-Bold').fontSize(12).text(t('invoice.amountDue'), 270, y, { width: 150 });
    doc.text(f.euros(invoice.amountDueCents), 420, y, { width: 125, align: 'right' });
    y += 30;
  }
  doc.font('Helvetica').fontSize(9);
  doc.text(
    t('invoice.paymentInstructions', { reference: f.reference(invoice.reference) }),
    LEFT,
    y,
    {
      width: RIGHT - LEFT,
    },
  );

  // The bank transfer part at the bottom of the page.
  if (doc.y + 10 > top) doc.addPage();
  doc.moveTo(LEFT, top).lineTo(RIGHT, top).dash(3, { space: 3 }).stroke().undash();
  const transfer: [string, string][] = [
    [t('invoice.iban'), `${f.iban(invoice.payee.iban)}   BIC ${invoice.payee.bic}`],
    [t('invoice.payee'), invoice.payee.name],
    [t('invoice.payer'), input.buyer.name],
    [t('invoice.reference'), f.reference(invoice.reference)],
    [t('invoice.rfReference'), f.rfReference(invoice.rfReference)],
    [t('invoice.dueDate'), f.date(invoice.dueDate)],
    [t('invoice.amount'), f.euros(invoice.amountDueCents)],
  ];
  y = top + 12;
  for (const [label, value] of transfer) {
    doc.font('Helvetica').fontSize(8).text(label, LEFT, y, { width: 130 });
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(value, LEFT + 135, y - 1, { width: 360 });
    y += 16;
  }
  y += 4;
  doc.font('Helvetica').fontSize(8).text(t('invoice.virtualBarcode'), LEFT, y);
  doc
    .font('Courier')
    .fontSize(9)
    .text(invoice.virtualBarcode, LEFT + 135, y);
  y += 16;
  // 332 modules of Code 128 C at about 0.3 mm, 13 mm high.
  doc.image(barcode, LEFT + 10, y, { width: 100 * MM, height: 13 * MM });

  doc.end();
  return done;
}
