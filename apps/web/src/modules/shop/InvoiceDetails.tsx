import { useTranslation } from 'react-i18next';
import { Heading, Link } from 'suomifi-ui-components';
import { invoicePdfUrl, type Invoice } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { formatLocalDate, formatIban, formatReference, formatRfReference } from './invoiceFormat';
import { formatMoney } from './money';

/** The invoice of an order as the buyer needs it to pay: account, reference, due date, barcode. */
export function InvoiceDetails({ invoice, slug }: { invoice: Invoice; slug: string }) {
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  return (
    <section aria-labelledby="invoice-heading" className="form-section">
      <Heading variant="h2" id="invoice-heading" mb="s">
        {t('invoice.heading')}
      </Heading>
      <dl className="order-facts invoice-facts">
        <dt>{t('invoice.number')}</dt>
        <dd>{invoice.number}</dd>
        <dt>{t('invoice.status')}</dt>
        <dd>
          {invoice.paidOn
            ? t('invoice.paidOn', { date: formatLocalDate(invoice.paidOn, language) })
            : t(`invoice.states.${invoice.status}`)}
        </dd>
        {invoice.buyer && (
          <>
            <dt>{t('invoice.buyer')}</dt>
            <dd>
              {invoice.buyer.name}, {invoice.buyer.businessId ?? invoice.buyer.registerNumber}
              <br />
              {invoice.buyer.street}, {invoice.buyer.postcode} {invoice.buyer.city}
            </dd>
          </>
        )}
        <dt>{t('invoice.amount')}</dt>
        <dd>{formatMoney(invoice.amountCents, language)}</dd>
        {invoice.creditedCents > 0 && (
          // Cancelled before payment: taken off the invoice; the barcode is for what is left.
          <>
            <dt>{t('invoice.credited')}</dt>
            <dd>{formatMoney(invoice.creditedCents, language)}</dd>
            <dt>{t('invoice.amountDue')}</dt>
            <dd>{formatMoney(invoice.amountDueCents, language)}</dd>
          </>
        )}
        <dt>{t('invoice.issueDate')}</dt>
        <dd>{formatLocalDate(invoice.issueDate, language)}</dd>
        <dt>{t('invoice.dueDate')}</dt>
        <dd>{formatLocalDate(invoice.dueDate, language)}</dd>
        <dt>{t('invoice.payee')}</dt>
        <dd>{invoice.payee.name}</dd>
        <dt>{t('invoice.iban')}</dt>
        <dd>{formatIban(invoice.payee.iban)}</dd>
        <dt>{t('invoice.bic')}</dt>
        <dd>{invoice.payee.bic}</dd>
        <dt>{t('invoice.reference')}</dt>
        <dd>{formatReference(invoice.reference)}</dd>
        <dt>{t('invoice.rfReference')}</dt>
        <dd>{formatRfReference(invoice.rfReference)}</dd>
        <dt>{t('invoice.virtualBarcode')}</dt>
        <dd className="invoice-barcode">{invoice.virtualBarcode}</dd>
      </dl>
      <Link href={`${invoicePdfUrl(slug, invoice.id)}?lang=${language}`}>
        {t('invoice.pdf', { number: invoice.number })}
      </Link>
    </section>
  );
}
