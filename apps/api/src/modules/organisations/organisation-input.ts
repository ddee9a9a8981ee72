import { FinnishBusinessIds } from 'finnish-business-ids';
import { isValidIBAN } from 'ibantools';
import { AppError } from '../../platform/http/errors.js';
import type { OrganisationKind } from '../../platform/db/schema.js';
import type { OrganisationFields } from './organisations.repo.js';

export interface OrganisationInput {
  kind: OrganisationKind;
  name: string;
  businessId?: string;
  registerNumber?: string;
  street: string;
  postcode: string;
  city: string;
  eInvoiceAddress?: string;
  eInvoiceOperator?: string;
  contactEmail: string;
}

const blank = (value: string | undefined) => (value ?? '').trim() || null;
const compact = (value: string | undefined) =>
  (value ?? '').replace(/\s+/g, '').toUpperCase() || null;

/**
 * The number of a registered association in the associations register, as the register writes
 * it (123.456): typed with or without the dot, stored with it.
 */
export function normaliseRegisterNumber(value: string): string | null {
  const digits = value.replace(/[\s.]/g, '');
  if (!/^[0-9]{1,9}$/.test(digits) || /^0+$/.test(digits)) return null;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * Check an organisation's identifiers before saving, so that invoices reach the right buyer:
 *  - a business ID (Y-tunnus) must pass its checksum (finnish-business-ids);
 *  - a company must have one; an association has one, or else its associations-register
 *    number (many small registered clubs never get a business ID);
 *  - an e-invoice address is an OVT code (0037 + the business ID's digits + an optional
 *    suffix) or an IBAN, and needs the operator that carries it.
 */
export function checkOrganisation(input: OrganisationInput): OrganisationFields {
  const businessId = blank(input.businessId);
  if (businessId && !FinnishBusinessIds.isValidBusinessId(businessId)) {
    throw new AppError(422, 'invalidBusinessId');
  }
  const registerText = blank(input.registerNumber);
  const registerNumber = registerText ? normaliseRegisterNumber(registerText) : null;
  if (registerText && !registerNumber) throw new AppError(422, 'invalidRegisterNumber');
  if (input.kind === 'company' && !businessId) throw new AppError(422, 'businessIdRequired');
  if (!businessId && !registerNumber) throw new AppError(422, 'organisationIdRequired');
  const eInvoiceAddress = compact(input.eInvoiceAddress);
  const eInvoiceOperator = compact(input.eInvoiceOperator);
  if (eInvoiceAddress) {
    const ovt = /^0037[0-9]{8}[0-9A-Z]{0,5}$/.test(eInvoiceAddress);
    if (!ovt && !isValidIBAN(eInvoiceAddress)) throw new AppError(422, 'invalidEInvoiceAddress');
    if (!eInvoiceOperator || !/^[0-9A-Z]{4,35}$/.test(eInvoiceOperator)) {
      throw new AppError(422, 'eInvoiceOperatorRequired');
    }
  } else if (eInvoiceOperator) {
    throw new AppError(422, 'invalidEInvoiceAddress');
  }
  return {
    kind: input.kind,
    name: input.name.trim(),
    businessId,
    registerNumber,
    street: input.street.trim(),
    postcode: input.postcode,
    city: input.city.trim(),
    eInvoiceAddress,
    eInvoiceOperator: eInvoiceAddress ? eInvoiceOperator : null,
    contactEmail: input.contactEmail.trim(),
  };
}
