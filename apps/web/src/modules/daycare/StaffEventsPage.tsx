import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatClock, parseDate, parseTime } from '../bookings/time';
import { DateRange } from './DateRange';
import { formatDays } from './format';
import { useStaffUnits } from './queries';
import { useCancelEvent, useCreateEvent, useStaffEvents } from './discussions.queries';
import './daycare.css';
import './discussions.css';

/**
 * Daycare events for the staff: publish one for a whole unit or a group (a date or a range,
 * optional times), see and cancel the units' events. Guardians see them in their calendar.
 */
export function StaffEventsPage() {
  const { t } = useTranslation('discussions');
  const language = currentLanguage();
  const { slug } = useMunicipality();
  const units = useStaffUnits(slug);
  const events = useStaffEvents(slug);
  const create = useCreateEvent(slug);
  const cancel = useCancelEvent(slug);
  usePageTitle(t('events.title'));
  const targets = (units.data?.items ?? []).flatMap((u) => [
    { value: `${u.id}/`, label: t('events.wholeUnit', { unit: u.name }) },
    ...u.groups.map((g) => ({ value: `${u.id}/${g.id}`, label: `${u.name}: ${g.name}` })),
  ]);
  const [target, setTarget] = useState('');
  const chosen = target || targets[0]?.value || '';
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState('');

  const startDate = parseDate(start);
  const endDate = end.trim() ? parseDate(end) : startDate;
  const fromTime = from.trim() ? parseTime(from) : null;
  const toTime = to.trim() ? parseTime(to) : null;
  const errors = {
    title: title.trim() ? undefined : t('required'),
    start: !start.trim() ? t('required') : !startDate ? t('series.invalidDate') : undefined,
    end: startDate && (!endDate || endDate < startDate) ? t('series.endBeforeStart') : undefined,
    from: from.trim() && !fromTime ? t('series.invalidTime') : undefined,
    to:
      (to.trim() && !toTime) || Boolean(fromTime) !== Boolean(toTime)
        ? t('events.bothTimes')
        : undefined,
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setDone('');
    if (create.isPending || Object.values(errors).some(Boolean)) return;
    const [unitId, groupId] = chosen.split('/');
    try {
      await create.mutateAsync([
        {
          unitId: unitId!,
          groupId: groupId || null,
          title,
          description,
          startDate: startDate!,
          endDate: endDate!,
          startTime: fromTime,
          endTime: toTime,
        },
      ]);
      setDone(t('events.published', { title }));
      setTouched(false);
      setTitle('');
      setDescription('');
      setStart('');
      setEnd('');
      setFrom('');
      setTo('');
    } catch {
      // Shown above the button.
    }
  }

  return (
    <div className="page daycare staff-events">
      <Heading variant="h1" mb="s">
        {t('events.title')}
      </Heading>
      <Paragraph mb="s">{t('events.intro')}</Paragraph>
      <p>
        <Link to={`/${slug}/daycare/staff/discussions`}>{t('staff.link')}</Link>
      </p>
      {(units.isPending || events.isPending) && <Loading text={t('loading')} />}
      {events.isError && <ErrorAlert error={events.error} />}
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      {events.data && (
        <section aria-labelledby="events-heading" className="form-section">
          <Heading variant="h2" id="events-heading" mb="s">
            {t('events.list')}
          </Heading>
          {events.data.items.length === 0 ? (
            <Paragraph>{t('events.none')}</Paragraph>
          ) : (
            <ul className="survey-list">
              {events.data.items.map((e) => (
                <li key={e.id} className="survey-entry">
                  <p className="agenda-entry__title">{e.title}</p>
                  <p>
                    {formatDays(e.startDate, e.endDate, language)}
                    {e.startTime &&
                      e.endTime &&
                      ` ${formatClock(e.startTime, language)}–${formatClock(e.endTime, language)}`}
                  </p>
                  <p>{e.groupName ? `${e.unitName}: ${e.groupName}` : e.unitName}</p>
                  <Button
                    variant="secondary"
                    disabled={cancel.isPending}
                    onClick={() => cancel.mutate([e.id])}
                    aria-label={t('events.cancelLabel', { title: e.title })}
                  >
                    {t('events.cancel')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {targets.length > 0 && (
        <section aria-labelledby="new-event-heading" className="form-section">
          <Heading variant="h2" id="new-event-heading" mb="s">
            {t('events.new')}
          </Heading>
          {done && <SuccessAlert>{done}</SuccessAlert>}
          <form onSubmit={(event) => void onSubmit(event)} noValidate>
            <Dropdown
              labelText={t('events.for')}
              value={chosen}
              onChange={setTarget}
              fullWidth
              mb="m"
            >
              {targets.map((o) => (
                <DropdownItem key={o.value} value={o.value}>
                  {o.label}
                </DropdownItem>
              ))}
            </Dropdown>
            <TextInput
              labelText={t('events.name')}
              value={title}
              maxLength={200}
              onChange={(value) => setTitle(String(value ?? ''))}
              status={shown('title') ? 'error' : 'default'}
              statusText={shown('title')}
              fullWidth
              mb="m"
            />
            <DateRange
              labels={{
                start: t('events.start'),
                end: t('events.end'),
                endHint: t('events.endHint'),
              }}
              start={start}
              end={end}
              onStart={setStart}
              onEnd={setEnd}
              errors={{ start: shown('start'), end: shown('end') }}
            />
            <div className="series-form__row">
              <TextInput
                labelText={t('events.from')}
                optionalText={t('optional')}
                hintText={t('series.timeHint')}
                value={from}
                onChange={(value) => setFrom(String(value ?? ''))}
                status={shown('from') ? 'error' : 'default'}
                statusText={shown('from')}
                fullWidth
                mb="s"
              />
              <TextInput
                labelText={t('events.to')}
                optionalText={t('optional')}
                hintText={t('series.timeHint')}
                value={to}
                onChange={(value) => setTo(String(value ?? ''))}
                status={shown('to') ? 'error' : 'default'}
                statusText={shown('to')}
                fullWidth
                mb="s"
              />
            </div>
            <Textarea
              labelText={t('events.description')}
              optionalText={t('optional')}
              value={description}
              maxLength={4000}
              onChange={(event) => setDescription(event.target.value)}
              fullWidth
              mb="m"
            />
            {create.isError && <ErrorAlert error={create.error} />}
            <Button type="submit" disabled={create.isPending}>
              {t('events.submit')}
            </Button>
          </form>
        </section>
      )}
    </div>
  );
}
