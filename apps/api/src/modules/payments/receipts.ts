import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import { isLanguage, type Language } from '../../platform/i18n/messages.js';
import { SALES_ROLES } from '../shop/sales.js';
import { loadInvoiceSettings } from './invoice-settings.js';
import type { ReceiptPdfInput } from './receipt-pdf.js';

export const receiptPdfPath = (ctx: Ctx, orderId: string) =>
  `/api/${ctx.municipality.slug}/orders/${orderId}/receipt.pdf`;

/**
 * What the receipt of a paid order shows: for the buyer, or for the finance office and
 * facility staff (SALES_ROLES). Anyone else gets 404, as if there were no such order. Reading
 * it is audited: it names the buyer and what they bought. The seller is the municipality as
 * its invoicing settings name it (business ID included), else by its own name.
 */
export async function receiptDocument(
  ctx: Ctx,
  orderId: string,
  lang: Language | undefined,
): Promise<ReceiptPdfInput> {
  requireUser(ctx);
  const staff = SALES_ROLES.some((role) => ctx.roles.includes(role));
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const order = await tx
      .selectFrom('orders')
      .innerJoin('people', 'people.id', 'orders.person_id')
      .select([
        'orders.id',
        'orders.person_id',
        'orders.status',
        'orders.total_cents',
        'orders.paid_at',
        'people.name',
        'people.email',
        'people.language',
      ])
      .where('orders.id', '=', orderId)
      .executeTakeFirst();
    if (!order || (!staff && order.person_id !== ctx.actor.personId)) throw notFound();
    if (order.status !== 'paid' || !order.paid_at) throw new AppError(409, 'receiptNotPaid');
    const payment = await tx
      .selectFrom('payments')
      .select(['provider', 'provider_reference'])
      .where('order_id', '=', orderId)
      .where('status', '=', 'paid')
      .executeTakeFirstOrThrow();
    const lines = await tx
      .selectFrom('order_lines')
      .select(['name', 'quantity', 'unit_price_cents', 'vat_rate_bp', 'total_cents', 'vat_cents'])
      .where('order_id', '=', orderId)
      .orderBy('name')
      .execute();
    const settings = await loadInvoiceSettings(tx);
    await audit(tx, ctx, 'order.receipt.read', `order:${orderId}`, {
      format: 'pdf',
      byStaff: order.person_id !== ctx.actor.personId,
    });
    const language = lang ?? (isLanguage(order.language) ? order.language : 'fi');
    return {
      language,
      orderId: order.id,
      seller: {
        name: settings?.payeeName ?? ctx.municipality.name[language],
        address: ctx.municipality.address,
        businessId: settings?.businessId ?? null,
      },
      buyer: { name: order.name, email: order.email },
      paidAt: order.paid_at,
      payment: { provider: payment.provider, reference: payment.provider_reference },
      totalCents: order.total_cents,
      lines: lines.map((l) => ({
        name: l.name,
        quantity: l.quantity,
        unitPriceCents: l.unit_price_cents,
        vatRateBp: l.vat_rate_bp,
        totalCents: l.total_cents,
        vatCents: l.vat_cents,
      })),
    };
  });
}
