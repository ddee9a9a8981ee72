import { sql } from 'kysely';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { FinnishBusinessIds } from 'finnish-business-ids';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';

/** The municipality as the payee of its invoices. */
export interface InvoiceSettings {
  payeeName: string;
  iban: string;
  bic: string;
  businessId: string;
  paymentTermDays: number;
}

export const DEFAULT_PAYMENT_TERM_DAYS = 14;

export async function loadInvoiceSettings(tx: Tx): Promise<InvoiceSettings | null> {
  const row = await tx
    .selectFrom('invoice_settings')
    .select(['payee_name', 'iban', 'bic', 'business_id', 'payment_term_days'])
    .executeTakeFirst();
  return row
    ? {
        payeeName: row.payee_name,
        iban: row.iban,
        bic: row.bic,
        businessId: row.business_id,
        paymentTermDays: row.payment_term_days,
      }
    : null;
}

/** Admins see the settings; `configured` is false until they are first saved. */
export async function getInvoiceSettings(ctx: Ctx) {
  requireRole(ctx, 'admin');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const settings = await loadInvoiceSettings(tx);
    return settings
      ? { configured: true, ...settings }
      : {
          configured: false,
          payeeName: ctx.municipality.name.fi,
          iban: '',
          bic: '',
          businessId: '',
          paymentTermDays: DEFAULT_PAYMENT_TERM_DAYS,
        };
  });
}

/**
 * The bank details are checked with their checksums before they are saved: a wrong digit in
 * the account would send every resident's payment astray, and the virtual barcode needs a
 * Finnish IBAN.
 */
export function checkInvoiceSettings(input: InvoiceSettings): InvoiceSettings {
  const iban = electronicFormatIBAN(input.iban) ?? '';
  if (!iban.startsWith('FI') || !isValidIBAN(iban)) throw new AppError(422, 'invalidIban');
  const bic = input.bic.replace(/\s+/g, '').toUpperCase();
  if (!isValidBIC(bic)) throw new AppError(422, 'invalidBic');
  const businessId = input.businessId.trim();
  if (!FinnishBusinessIds.isValidBusinessId(businessId)) {
    throw new AppError(422, 'invalidBusinessId');
  }
  return {
    payeeName: input.payeeName.trim(),
    iban,
    bic,
    businessId,
    paymentTermDays: input.paymentTermDays,
  };
}

export async function updateInvoiceSettings(ctx: Ctx, input: InvoiceSettings) {
  requireRole(ctx, 'admin');
  const settings = checkInvoiceSettings(input);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    // The counter (last_invoice_number) is left as it is: numbers are never given twice.
    await sql`
      insert into invoice_settings (municipality_id, payee_name, iban, bic, business_id, payment_term_days)
      values (${ctx.municipality.id}, ${settings.payeeName}, ${settings.iban}, ${settings.bic},
              ${settings.businessId}, ${settings.paymentTermDays})
      on conflict (municipality_id) do update set
        payee_name = excluded.payee_name, iban = excluded.iban, bic = excluded.bic,
        business_id = excluded.business_id, payment_term_days = excluded.payment_term_days,
        updated_at = now()`.execute(tx);
    await audit(tx, ctx, 'invoiceSettings.update', `municipality:${ctx.municipality.id}`, {
      ...settings,
    });
    return { configured: true, ...settings };
  });
}
