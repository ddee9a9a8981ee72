import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  DateInput,
  Heading,
  Link,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
} from 'suomifi-ui-components';
import { receivablesCsvUrl, type InvoiceFilter, type StaffInvoice } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { inputDate } from '../bookings/period';
import { parseDate, todayLocal } from '../bookings/time';
import { formatLocalDate, formatReference } from './invoiceFormat';
import { formatMoney } from './money';
import { useInvoices, useMarkInvoicePaid } from './queries';

const filters: InvoiceFilter[] = ['open', 'overdue', 'paid', 'all'];

/** Record the payment of one invoice, on the day the bank statement shows. */
function MarkPaidForm({
  slug,
  invoice,
  onDone,
}: {
  slug: string;
  invoice: StaffInvoice;
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  const mark = useMarkInvoicePaid(slug);
  const [paidOn, setPaidOn] = useState(inputDate(todayLocal()));
  const [touched, setTouched] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const day = parseDate(paidOn);
  const error = !day ? t('sales.invalidDate') : day > todayLocal() ? t('invoices.future') : null;

  useEffect(() => headingRef.current?.focus(), []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (error || !day || mark.isPending) return;
    mark.mutate(
      { invoiceId: invoice.id, paidOn: day },
      { onSuccess: () => onDone(t('invoices.marked', { number: invoice.number })) },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form-section" aria-labelledby="mark-heading">
      <Heading variant="h3" id="mark-heading" mb="xs" ref={headingRef} tabIndex={-1}>
        {t('invoices.markHeading', { number: invoice.number })}
      </Heading>
      <Paragraph mb="s">
        {t('invoices.markSummary', {
          customer: invoice.customer,
          // What is due: the invoice less its credits.
          amount: formatMoney(invoice.amountDueCents, language),
          reference: formatReference(invoice.reference),
        })}
      </Paragraph>
      {mark.isError && <ErrorAlert error={mark.error} />}
      <div className="invoice-actions">
        <DateInput
          labelText={t('invoices.paidOn')}
          hintText={t('sales.dateHint')}
          value={paidOn}
          onChange={({ value }) => setPaidOn(value)}
          status={touched && error ? 'error' : 'default'}
          statusText={touched ? (error ?? undefined) : undefined}
        />
        <Button type="submit">{t('invoices.confirm')}</Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          {t('invoices.cancel')}
        </Button>
      </div>
    </form>
  );
}

function InvoiceTable({
  invoices,
  caption,
  onMark,
}: {
  invoices: StaffInvoice[];
  caption: string;
  onMark: (invoice: StaffInvoice) => void;
}) {
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="report-table sales-table">
        <caption>
          <span>{caption}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('invoice.number')}</th>
            <th scope="col">{t('invoices.customer')}</th>
            <th scope="col">{t('invoice.reference')}</th>
            <th scope="col" className="number">
              {t('invoice.amount')}
            </th>
            <th scope="col">{t('invoice.dueDate')}</th>
            <th scope="col">{t('invoice.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('invoices.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <th scope="row">{invoice.number}</th>
              <td>{invoice.customer}</td>
              <td>{formatReference(invoice.reference)}</td>
              <td className="number">{formatMoney(invoice.amountDueCents, language)}</td>
              <td>{formatLocalDate(invoice.dueDate, language)}</td>
              <td>
                {invoice.paidOn
                  ? t('invoice.paidOn', { date: formatLocalDate(invoice.paidOn, language) })
                  : invoice.status === 'overdue'
                    ? t('invoices.overdueDays', { count: invoice.daysOverdue })
                    : t(`invoice.states.${invoice.status}`)}
              </td>
              <td>
                {(invoice.status === 'open' || invoice.status === 'overdue') && (
                  <Button
                    variant="secondary"
                    onClick={() => onMark(invoice)}
                    aria-label={t('invoices.markLabel', { number: invoice.number })}
                  >
                    {t('invoices.mark')}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Staff: invoices by state, marking them paid, and the receivables for the financial system. */
export function InvoicesSection({ slug }: { slug: string }) {
  const { t } = useTranslation('shop');
  const [filter, setFilter] = useState<InvoiceFilter>('open');
  const [marking, setMarking] = useState<StaffInvoice | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const invoices = useInvoices(slug, filter);
  const items = invoices.data?.items;

  return (
    <section aria-labelledby="invoices-heading" className="form-section">
      <Heading variant="h2" id="invoices-heading" mb="s">
        {t('invoices.heading')}
      </Heading>
      <Paragraph mb="m">
        <Link href={receivablesCsvUrl(slug)} download>
          {t('invoices.csv')}
        </Link>{' '}
        {t('invoices.csvHint')}
      </Paragraph>
      <RadioButtonGroup
        labelText={t('invoices.filter')}
        name="invoice-filter"
        value={filter}
        onChange={(value) => {
          setFilter(value as InvoiceFilter);
          setMarking(null);
        }}
        mb="m"
      >
        {filters.map((f) => (
          <RadioButton key={f} value={f}>
            {t(`invoices.filters.${f}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <div role="status">{notice && <SuccessAlert>{notice}</SuccessAlert>}</div>
      {marking && (
        <MarkPaidForm
          key={marking.id}
          slug={slug}
          invoice={marking}
          onDone={(message) => {
            setMarking(null);
            setNotice(message);
          }}
        />
      )}
      {invoices.isPending && <Loading text={t('loading')} />}
      {invoices.isError && <ErrorAlert error={invoices.error} />}
      {items && items.length === 0 && <Paragraph>{t('invoices.none')}</Paragraph>}
      {items && items.length > 0 && (
        <InvoiceTable
          invoices={items}
          caption={t('invoices.caption', { filter: t(`invoices.filters.${filter}`) })}
          onMark={(invoice) => {
            setNotice(null);
            setMarking(invoice);
          }}
        />
      )}
    </section>
  );
}
