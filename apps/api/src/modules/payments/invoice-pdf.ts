import PDFDocument from 'pdfkit';
import bwipjs from 'bwip-js';
import { translate, type Language } from '../../platform/i18n/messages.js';
import { invoiceFormat } from './format.js';
import type { InvoiceView } from './invoices.repo.js';
import type { InvoiceBuyer } from './invoice-buyer.js';

export interface InvoicePdfInput {
  invoice: InvoiceView;
  municipalityAddress: string;
  /** A person (name and email) or an organisation as the invoice was issued to it. */
  buyer: { name: string; email: string | null } | InvoiceBuyer;
  lines: {
    name: string;
    quantity: number;
    unitPriceCents: number;
    vatRateBp: number;
    totalCents: number;
    vatCents: number;
  }[];
  language: Language;
  /** Uncompressed content streams (tests read the text); compressed by default. */
  compress?: boolean;
}

const MM = 72 / 25.4;
const LEFT = 50;
const RIGHT = 545;
const PAGE_HEIGHT = 842;

/** VAT per rate from the amounts stored on the lines (a season's line sums its weeks). */
function vatByRate(lines: InvoicePdfInput['lines']) {
  const rates = new Map<
    number,
    { vatRateBp: number; netCents: number; vatCents: number; totalCents: number }
  >();
  for (const line of lines) {
    const rate = rates.get(line.vatRateBp) ?? {
      vatRateBp: line.vatRateBp,
      netCents: 0,
      vatCents: 0,
      totalCents: 0,
    };
    rate.netCents += line.totalCents - line.vatCents;
    rate.vatCents += line.vatCents;
    rate.totalCents += line.totalCents;
    rates.set(line.vatRateBp, rate);
  }
  return [...rates.values()].sort((a, b) => b.vatRateBp - a.vatRateBp);
}

/** The buyer's block: a person's name and email, or an organisation's billing details. */
function buyerLines(buyer: InvoicePdfInput['buyer'], t: (key: string) => string): string[] {
  if (!('street' in buyer)) return buyer.email ? [buyer.email] : [];
  return [
    buyer.street,
    `${buyer.postcode} ${buyer.city}`,
    buyer.businessId
      ? `${t('invoice.businessId')}: ${buyer.businessId}`
      : `${t('invoice.registerNumber')}: ${buyer.registerNumber ?? ''}`,
    ...(buyer.eInvoiceAddress
      ? [`${t('invoice.eInvoice')}: ${buyer.eInvoiceAddress} (${buyer.eInvoiceOperator ?? ''})`]
      : []),
    `${t('invoice.buyerReference')}: ${buyer.contactPerson}`,
  ];
}

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
 * A one-page A4 invoice in the chosen language: payee, buyer, invoice facts, the lines with
 * VAT, the VAT breakdown and total, and the bank transfer part with the references, the
 * virtual barcode and the barcode itself. Line names are as frozen on the order.
 */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const { invoice, language } = input;
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(language, key, params);
  const f = invoiceFormat(language);
  const barcode = await bankBarcode(invoice.virtualBarcode);
  const doc = new PDFDocument({
    size: 'A4',
    margin: LEFT,
    compress: input.compress ?? true,
    lang: language,
    info: {
      Title: `${t('invoice.title')} ${invoice.number}`,
      Author: invoice.payee.name,
      Subject: `${t('invoice.title')} ${invoice.number}`,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Header: payee on the left, title and facts on the right.
  doc.font('Helvetica-Bold').fontSize(14).text(invoice.payee.name, LEFT, 50, { width: 260 });
  doc.font('Helvetica').fontSize(9).text(input.municipalityAddress, { width: 260 });
  doc.text(`${t('invoice.businessId')}: ${invoice.payee.businessId}`, { width: 260 });
  doc.font('Helvetica-Bold').fontSize(18).text(t('invoice.title').toUpperCase(), 330, 50);
  const facts: [string, string][] = [
    [t('invoice.number'), invoice.number],
    [t('invoice.issueDate'), f.date(invoice.issueDate)],
    [t('invoice.dueDate'), f.date(invoice.dueDate)],
    [t('invoice.reference'), f.reference(invoice.reference)],
    [t('invoice.rfReference'), f.rfReference(invoice.rfReference)],
  ];
  let y = 78;
  for (const [label, value] of facts) {
    doc.font('Helvetica').fontSize(9).text(label, 330, y, { width: 100 });
    doc.font('Helvetica-Bold').text(value, 430, y, { width: 115 });
    y += 14;
  }

  // Buyer.
  doc.font('Helvetica').fontSize(9).text(t('invoice.buyer'), LEFT, 130);
  doc.font('Helvetica-Bold').fontSize(11).text(input.buyer.name, LEFT, 142, { width: 260 });
  doc.font('Helvetica').fontSize(9);
  for (const text of buyerLines(input.buyer, t)) doc.text(text, { width: 260 });

  // Lines.
  const columns = [
    { key: 'invoice.product', x: LEFT, width: 215, align: 'left' as const },
    { key: 'invoice.quantity', x: 270, width: 45, align: 'right' as const },
    { key: 'invoice.unitPrice', x: 320, width: 70, align: 'right' as const },
    { key: 'invoice.vatRate', x: 395, width: 50, align: 'right' as const },
    { key: 'invoice.lineTotal', x: 450, width: 95, align: 'right' as const },
  ];
  // The bank transfer part takes the bottom of the last page; lines that do not fit before it
  // go on to further pages.
  const top = PAGE_HEIGHT - 50 - 230;
  y = Math.max(200, doc.y + 16);
  doc.font('Helvetica-Bold').fontSize(9);
  for (const c of columns) doc.text(t(c.key), c.x, y, { width: c.width, align: c.align });
  y += 14;
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.5).stroke();
  y += 6;
  doc.font('Helvetica');
  for (const line of input.lines) {
    const cells = [
      line.name,
      String(line.quantity),
      f.euros(line.unitPriceCents),
      `${f.percent(line.vatRateBp)} %`,
      f.euros(line.totalCents),
    ];
    const height = doc.heightOfString(line.name, { width: columns[0]!.width });
    if (y + height > PAGE_HEIGHT - 60) {
      doc.addPage();
      y = 50;
    }
    columns.forEach((c, i) => doc.text(cells[i]!, c.x, y, { width: c.width, align: c.align }));
    y += Math.max(height, 12) + 4;
  }
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).stroke();
  y += 10;

  // VAT breakdown and the total.
  const vat = vatByRate(input.lines);
  const credited = invoice.creditedCents > 0;
  if (y + 60 + vat.length * 13 + (credited ? 36 : 0) > top) {
    doc.addPage();
    y = 50;
  }
  const vatColumns = [
    { key: 'invoice.vatRate', x: 270, width: 60 },
    { key: 'invoice.net', x: 335, width: 65 },
    { key: 'invoice.vat', x: 405, width: 60 },
    { key: 'invoice.gross', x: 470, width: 75 },
  ];
  doc.font('Helvetica-Bold');
  for (const c of vatColumns) doc.text(t(c.key), c.x, y, { width: c.width, align: 'right' });
  y += 14;
  doc.font('Helvetica');
  for (const v of vat) {
    const cells = [
      `${f.percent(v.vatRateBp)} %`,
      f.euros(v.netCents),
      f.euros(v.vatCents),
      f.euros(v.totalCents),
    ];
    vatColumns.forEach((c, i) => doc.text(cells[i]!, c.x, y, { width: c.width, align: 'right' }));
    y += 13;
  }
  y += 8;
  doc.font('Helvetica-Bold').fontSize(12);
  doc.text(t('invoice.total'), 270, y, { width: 150 });
  doc.text(f.euros(invoice.amountCents), 420, y, { width: 125, align: 'right' });
  if (credited) {
    // Cancelled before payment: the credit and what is left to pay.
    y += 18;
    doc.font('Helvetica').fontSize(10).text(t('invoice.credited'), 270, y, { width: 150 });
    doc.text(`-${f.euros(invoice.creditedCents)}`, 420, y, { width: 125, align: 'right' });
    y += 16;
    doc.font('Helvetica-Bold').fontSize(12).text(t('invoice.amountDue'), 270, y, { width: 150 });
    doc.text(f.euros(invoice.amountDueCents), 420, y, { width: 125, align: 'right' });
  }
  y += 30;
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
