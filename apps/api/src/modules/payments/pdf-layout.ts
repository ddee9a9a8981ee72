import PDFDocument from 'pdfkit';
import { translate, type Language } from '../../platform/i18n/messages.js';
import { invoiceFormat } from './format.js';
import type { InvoiceBuyer } from './invoice-buyer.js';

/**
 * The parts the municipality's sales documents share (the invoice and the receipt): an A4
 * page, the seller's header, the order lines with their VAT rates, and the VAT breakdown. One
 * layout, so that a receipt and an invoice of the same order show the same lines and sums.
 */

export const LEFT = 50;
export const RIGHT = 545;
export const PAGE_HEIGHT = 842;

export interface DocumentLine {
  name: string;
  quantity: number;
  unitPriceCents: number;
  vatRateBp: number;
  totalCents: number;
  vatCents: number;
}

export type Doc = InstanceType<typeof PDFDocument>;

/** A new document whose bytes `done` resolves to once doc.end() is called. */
export function startDocument(options: {
  language: Language;
  title: string;
  author: string;
  /** Uncompressed content streams (tests read the text); compressed by default. */
  compress?: boolean;
}) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: LEFT,
    compress: options.compress ?? true,
    lang: options.language,
    info: { Title: options.title, Author: options.author, Subject: options.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

export const translator =
  (language: Language) =>
  (key: string, params: Record<string, string | number> = {}) =>
    translate(language, key, params);

/** The seller at the top left: name, address and business ID (when known). */
export function sellerHeader(
  doc: Doc,
  language: Language,
  seller: { name: string; address: string; businessId: string | null },
) {
  const t = translator(language);
  doc.font('Helvetica-Bold').fontSize(14).text(seller.name, LEFT, 50, { width: 260 });
  doc.font('Helvetica').fontSize(9).text(seller.address, { width: 260 });
  if (seller.businessId) {
    doc.text(`${t('invoice.businessId')}: ${seller.businessId}`, { width: 260 });
  }
}

/** The title and label–value facts at the top right; returns where the facts end. */
export function titleAndFacts(doc: Doc, title: string, facts: [string, string][]) {
  doc.font('Helvetica-Bold').fontSize(18).text(title.toUpperCase(), 330, 50);
  let y = 78;
  for (const [label, value] of facts) {
    doc.font('Helvetica').fontSize(9).text(label, 330, y, { width: 100 });
    doc.font('Helvetica-Bold').text(value, 430, y, { width: 115 });
    y += 14;
  }
  return y;
}

/** A person (name and email), or an organisation as the document was issued to it. */
export type DocumentBuyer = { name: string; email: string | null } | InvoiceBuyer;

/** The buyer's block: a person's name and email, or an organisation's billing details. */
function buyerLines(buyer: DocumentBuyer, t: ReturnType<typeof translator>): string[] {
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

/** The buyer under a label. */
export function buyerBlock(doc: Doc, language: Language, buyer: DocumentBuyer, y = 130) {
  const t = translator(language);
  doc.font('Helvetica').fontSize(9).text(t('invoice.buyer'), LEFT, y);
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(buyer.name, LEFT, y + 12, { width: 260 });
  doc.font('Helvetica').fontSize(9);
  for (const text of buyerLines(buyer, t)) doc.text(text, { width: 260 });
}

/** VAT per rate from the amounts stored on the lines (a season's line sums its weeks). */
function vatByRate(lines: DocumentLine[]) {
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

/**
 * The order lines from `top`, then their VAT breakdown; returns where the breakdown ends.
 * Lines that do not fit go on to further pages; the breakdown (and `after` points of what
 * follows it) is kept above `bottom` of its page.
 */
export function linesAndVat(
  doc: Doc,
  language: Language,
  lines: DocumentLine[],
  top: number,
  bottom = PAGE_HEIGHT - 60,
  after = 0,
) {
  const t = translator(language);
  const f = invoiceFormat(language);
  const columns = [
    { key: 'invoice.product', x: LEFT, width: 215, align: 'left' as const },
    { key: 'invoice.quantity', x: 270, width: 45, align: 'right' as const },
    { key: 'invoice.unitPrice', x: 320, width: 70, align: 'right' as const },
    { key: 'invoice.vatRate', x: 395, width: 50, align: 'right' as const },
    { key: 'invoice.lineTotal', x: 450, width: 95, align: 'right' as const },
  ];
  let y = top;
  doc.font('Helvetica-Bold').fontSize(9);
  for (const c of columns) doc.text(t(c.key), c.x, y, { width: c.width, align: c.align });
  y += 14;
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.5).stroke();
  y += 6;
  doc.font('Helvetica');
  for (const line of lines) {
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

  const vat = vatByRate(lines);
  if (y + 30 + vat.length * 13 + after > bottom) {
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
  return y + 8;
}

/** The total in bold under the VAT breakdown; returns where it ends. */
export function totalLine(doc: Doc, language: Language, label: string, cents: number, y: number) {
  doc.font('Helvetica-Bold').fontSize(12);
  doc.text(label, 270, y, { width: 150 });
  doc.text(invoiceFormat(language).euros(cents), 420, y, { width: 125, align: 'right' });
  return y + 30;
}
