import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  DateInput,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  TextInput,
  TimeInput,
} from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { useStaffOrganisations } from '../organisations/queries';
import { useBlockTime, useBookForCustomer, useResources } from './queries';
import { formatSpan, parseDate, parseTime, zonedInstant } from './time';

/**
 * Staff take time out of booking (facility, day, start, end, reason), or — `forCustomer` —
 * book it for a customer found by email (a phone call, the front desk).
 */
export function BlockTimeForm({
  slug,
  forCustomer = false,
}: {
  slug: string;
  forCustomer?: boolean;
}) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const resources = useResources(slug, {});
  const blockTime = useBlockTime(slug);
  const bookForCustomer = useBookForCustomer(slug);
  const block = forCustomer ? bookForCustomer : blockTime;
  const k = forCustomer ? 'forCustomer' : 'block';
  const [resourceId, setResourceId] = useState('');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [touched, setTouched] = useState(false);
  // Facility staff may book in an association's or a company's name (its price, its cart).
  const organisations = useStaffOrganisations(slug, '', false);

  const day = parseDate(date);
  const from = parseTime(start);
  const to = parseTime(end);
  const errors = {
    resource: !resourceId ? t('required') : undefined,
    date: !date.trim() ? t('required') : !day ? t('block.invalidDate') : undefined,
    start: !start.trim() ? t('required') : !from ? t('block.invalidTime') : undefined,
    end: !end.trim()
      ? t('required')
      : !to
        ? t('block.invalidTime')
        : from && to <= from
          ? t('block.endBeforeStart')
          : undefined,
    reason: !reason.trim()
      ? t('required')
      : forCustomer && !/^[^\s@]+@[^\s@]+$/.test(reason.trim())
        ? t('forCustomer.invalidEmail')
        : undefined,
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);
  const status = (key: keyof typeof errors) => (shown(key) ? 'error' : 'default');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (Object.values(errors).some(Boolean) || !day || !from || !to) return;
    const span = {
      start: zonedInstant(day, from).toISOString(),
      end: zonedInstant(day, to).toISOString(),
    };
    const done = {
      onSuccess: () => {
        // Facility and times stay for the next one; the reason (or customer) is asked anew.
        setReason('');
        setTouched(false);
      },
    };
    if (forCustomer) {
      bookForCustomer.mutate(
        {
          resourceId,
          ...span,
          customerEmail: reason.trim(),
          ...(organisationId ? { organisationId } : {}),
        },
        done,
      );
    } else {
      blockTime.mutate({ resourceId, body: { ...span, reason: reason.trim() } }, done);
    }
  }

  const items = resources.data?.items ?? [];
  return (
    <section aria-labelledby={`${k}-heading`} className="form-section">
      <Heading variant="h2" id={`${k}-heading`} mb="s">
        {t(`${k}.heading`)}
      </Heading>
      <Paragraph mb="m">{t(`${k}.intro`)}</Paragraph>
      {block.isSuccess && (
        <SuccessAlert>
          {t(`${k}.done`, {
            what: `${block.data.resourceName[language]} ${formatSpan(block.data.start, block.data.end, language)}`,
          })}
        </SuccessAlert>
      )}
      {block.isError && <ErrorAlert error={block.error} />}
      {resources.isError && <ErrorAlert error={resources.error} />}
      {resources.isPending && <Loading text={t('loading')} />}
      {/* The Suomi.fi Dropdown needs at least one item: show the form once facilities are in. */}
      {items.length > 0 && (
        <form onSubmit={onSubmit} noValidate className="block-form">
          <Dropdown<string>
            labelText={t('block.resource')}
            visualPlaceholder={t('block.choose')}
            value={resourceId || null}
            onChange={setResourceId}
            status={status('resource')}
            statusText={shown('resource')}
            fullWidth
          >
            {items.map((r) => (
              <DropdownItem key={r.id} value={r.id}>
                {r.name[language]}
              </DropdownItem>
            ))}
          </Dropdown>
          <div className="block-form__date">
            <DateInput
              fullWidth
              labelText={t('block.date')}
              hintText={t('block.dateHint')}
              value={date}
              onChange={({ value }) => setDate(value)}
              status={status('date')}
              statusText={shown('date')}
            />
          </div>
          <div className="block-form__times">
            <TimeInput
              labelText={t('block.start')}
              hintText={t('block.timeHint')}
              value={start}
              onChange={setStart}
              status={status('start')}
              statusText={shown('start')}
            />
            <TimeInput
              labelText={t('block.end')}
              hintText={t('block.timeHint')}
              value={end}
              onChange={setEnd}
              status={status('end')}
              statusText={shown('end')}
            />
          </div>
          <TextInput
            labelText={t(`${k}.reason`)}
            hintText={t(`${k}.reasonHint`)}
            type={forCustomer ? 'email' : 'text'}
            value={reason}
            maxLength={forCustomer ? 254 : 500}
            onChange={(v) => setReason(String(v ?? ''))}
            status={status('reason')}
            statusText={shown('reason')}
            fullWidth
          />
          {forCustomer && (organisations.data?.items.length ?? 0) > 0 && (
            <Dropdown<string>
              labelText={t('forCustomer.organisation')}
              hintText={t('forCustomer.organisationHint')}
              value={organisationId}
              onChange={setOrganisationId}
              fullWidth
            >
              {[
                <DropdownItem key="" value="">
                  {t('forCustomer.themselves')}
                </DropdownItem>,
                ...organisations.data!.items.map((o) => (
                  <DropdownItem key={o.id} value={o.id}>
                    {o.name}
                  </DropdownItem>
                )),
              ]}
            </Dropdown>
          )}
          <div>
            <Button type="submit" disabled={block.isPending}>
              {t(`${k}.submit`)}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
