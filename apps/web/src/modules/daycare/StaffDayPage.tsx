import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Dropdown, DropdownItem, Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { addDays, parseDate, todayLocal } from '../bookings/time';
import { formatDateWithYear } from '../courses/format';
import { useNotifications } from '../platform/queries';
import { GroupDayView } from './GroupDayView';
import { daycareKeys, useGroupDay, useStaffUnits } from './queries';
import './daycare.css';
import './discussions.css';

/**
 * A group's day for its staff, on the unit's phone: choose the group and the day; who is
 * present, who is absent and why, and the absences of the next two weeks. The address keeps
 * the group and the day (?group=…&date=…), so a notification can link straight to them.
 */
export function StaffDayPage() {
  const { t } = useTranslation('daycare');
  const { t: td } = useTranslation('discussions');
  const language = currentLanguage();
  const { slug } = useMunicipality();
  const [params, setParams] = useSearchParams();
  const units = useStaffUnits(slug);
  usePageTitle(t('staff.title'));

  const groups = (units.data?.items ?? []).flatMap((u) =>
    u.groups.map((g) => ({ ...g, label: `${u.name}: ${g.name}` })),
  );
  const asked = params.get('group');
  const groupId =
    groups.find((g) => g.id === asked)?.id ??
    groups.find((g) => g.mine)?.id ??
    groups[0]?.id ??
    null;
  const date = parseDate(params.get('date') ?? '') ?? todayLocal();
  const day = useGroupDay(slug, groupId, date);
  const show = (next: { group?: string; date?: string }) =>
    setParams({ group: next.group ?? groupId ?? '', date: next.date ?? date }, { replace: true });

  // A notification (today's new absence in the group) refreshes the day at once.
  const queryClient = useQueryClient();
  const latest = useNotifications(slug, true).data?.items[0]?.id;
  const seen = useRef(latest);
  useEffect(() => {
    if (latest === seen.current) return;
    seen.current = latest;
    void queryClient.invalidateQueries({ queryKey: daycareKeys.all(slug) });
  }, [latest, slug, queryClient]);

  return (
    <div className="page daycare staff-day">
      <Heading variant="h1" mb="s">
        {t('staff.title')}
      </Heading>
      <ul className="daycare-links">
        <li>
          <Link to={`/${slug}/daycare/staff/discussions`}>{td('staff.link')}</Link>
        </li>
        <li>
          <Link to={`/${slug}/daycare/staff/events`}>{td('events.link')}</Link>
        </li>
      </ul>
      {units.isPending && <Loading text={t('loading')} />}
      {units.isError && <ErrorAlert error={units.error} />}
      {units.isSuccess && groups.length === 0 && <Paragraph>{t('staff.noUnits')}</Paragraph>}
      {groupId && (
        <>
          <Dropdown
            labelText={t('staff.group')}
            fullWidth
            value={groupId}
            onChange={(value: string) => show({ group: value })}
            className="staff-day__group"
            mb="s"
          >
            {groups.map((g) => (
              <DropdownItem key={g.id} value={g.id}>
                {g.label}
              </DropdownItem>
            ))}
          </Dropdown>
          <nav aria-label={t('staff.dayNav')} className="staff-day__days">
            <Button variant="secondary" onClick={() => show({ date: addDays(date, -1) })}>
              {t('staff.previous')}
            </Button>
            <Button
              variant="secondary"
              disabled={date === todayLocal()}
              onClick={() => show({ date: todayLocal() })}
            >
              {t('staff.today')}
            </Button>
            <Button variant="secondary" onClick={() => show({ date: addDays(date, 1) })}>
              {t('staff.next')}
            </Button>
          </nav>
          <Heading variant="h2" mb="s" aria-live="polite">
            {formatDateWithYear(date, language)}
          </Heading>
          {day.isPending && <Loading text={t('loading')} />}
          {day.isError && <ErrorAlert error={day.error} />}
          {day.data && <GroupDayView slug={slug} day={day.data} />}
        </>
      )}
    </div>
  );
}
