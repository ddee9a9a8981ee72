import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Button, Heading, Paragraph, RouterLink, Table, TextInput } from 'suomifi-ui-components';
import type { Reservation } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { useIsSmallScreen } from '../../app/useMediaQuery';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { BlockTimeForm } from './BlockTimeForm';
import { useDecideReservation, useStaffReservations } from './queries';
import { ReservationSummary } from './ReservationSummary';
import { StaffOnly } from './StaffOnly';
import { formatSpan } from './time';
import './bookings.css';

function RequestItem(props: {
  item: Reservation;
  slug: string;
  onDecided: (text: string) => void;
}) {
  const { item, slug, onDecided } = props;
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const decide = useDecideReservation(slug);
  const [reason, setReason] = useState('');
  const what = `${item.resourceName[language]} ${formatSpan(item.start, item.end, language)}`;
  const who = item.bookerName ?? '–';
  const send = (approve: boolean) =>
    decide.mutate(
      { id: item.id, approve, reason: reason.trim() || undefined },
      {
        onSuccess: () =>
          onDecided(t(approve ? 'staff.approved' : 'staff.denied', { what, booker: who })),
      },
    );

  return (
    <li className="reservation">
      <ReservationSummary item={item} showBooker />
      {decide.isError && <ErrorAlert error={decide.error} />}
      <TextInput
        labelText={t('staff.reason')}
        optionalText={t('optional')}
        hintText={t('staff.reasonHint')}
        value={reason}
        maxLength={1000}
        onChange={(v) => setReason(String(v ?? ''))}
        fullWidth
        mb="s"
      />
      <div className="button-row">
        <Button
          disabled={decide.isPending}
          aria-label={t('staff.approveLabel', { what, booker: who })}
          onClick={() => send(true)}
        >
          {t('staff.approve')}
        </Button>
        <Button
          variant="secondary"
          disabled={decide.isPending}
          aria-label={t('staff.denyLabel', { what, booker: who })}
          onClick={() => send(false)}
        >
          {t('staff.deny')}
        </Button>
      </div>
    </li>
  );
}

function Requests({ slug }: { slug: string }) {
  const { t } = useTranslation('bookings');
  const requests = useStaffReservations(slug, 'requested');
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const onDecided = (text: string) => {
    setNotice(text);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };
  const items = requests.data?.items.filter((r) => r.kind === 'booking') ?? [];
  return (
    <section aria-labelledby="requests-heading" className="form-section">
      <Heading variant="h2" id="requests-heading" mb="s">
        {t('staff.requests')}
      </Heading>
      <div ref={noticeRef} tabIndex={-1}>
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
      </div>
      {requests.isPending && <Loading text={t('loading')} />}
      {requests.isError && <ErrorAlert error={requests.error} />}
      {requests.data &&
        (items.length === 0 ? (
          <Paragraph>{t('staff.noRequests')}</Paragraph>
        ) : (
          <ul className="reservation-list">
            {items.map((item) => (
              <RequestItem key={item.id} item={item} slug={slug} onDecided={onDecided} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function Upcoming({ slug }: { slug: string }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const small = useIsSmallScreen();
  const all = useStaffReservations(slug);
  const items =
    all.data?.items.filter((r) => r.status === 'requested' || r.status === 'confirmed') ?? [];
  const booker = (r: Reservation) =>
    r.kind === 'block' ? `${t('reservation.block')}: ${r.purpose}` : (r.bookerName ?? '–');
  const columns = [
    { key: 'resource', labelText: t('reservation.resource') },
    { key: 'time', labelText: t('reservation.time') },
    { key: 'booker', labelText: t('reservation.booker') },
    { key: 'status', labelText: t('reservation.status') },
  ] as const;
  const rows = items.map((r) => ({
    id: r.id,
    resource: r.resourceName[language],
    time: <time dateTime={r.start}>{formatSpan(r.start, r.end, language)}</time>,
    booker: booker(r),
    status: t(`status.${r.status}`),
  }));

  return (
    <section aria-labelledby="upcoming-heading" className="form-section">
      <Heading variant="h2" id="upcoming-heading" mb="s">
        {t('staff.upcoming')}
      </Heading>
      {all.isPending && <Loading text={t('loading')} />}
      {all.isError && <ErrorAlert error={all.error} />}
      {all.data &&
        (items.length === 0 ? (
          <Paragraph>{t('staff.noUpcoming')}</Paragraph>
        ) : small ? (
          <ul className="reservation-list" aria-label={t('staff.upcoming')}>
            {items.map((item) => (
              <li key={item.id} className="reservation">
                <ReservationSummary item={item} showBooker />
              </li>
            ))}
          </ul>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('staff.upcoming')}>
            <Table caption={t('staff.caption')} columns={columns} data={rows} condensed />
          </div>
        ))}
    </section>
  );
}

/** Facility staff (facility_admin) and admins: requests, coming reservations and blocks. */
export function ReservationAdminPage() {
  const { t } = useTranslation('bookings');
  const { slug } = useMunicipality();
  usePageTitle(t('staff.title'));

  return (
    <StaffOnly>
      <div className="page">
        <Heading variant="h1" mb="s">
          {t('staff.title')}
        </Heading>
        <Paragraph mb="s">{t('staff.intro')}</Paragraph>
        <Paragraph mb="m">
          <RouterLink asComponent={RouterDomLink} to={`/${slug}/admin/utilisation`}>
            {t('staff.reportLink')}
          </RouterLink>
        </Paragraph>
        <Requests slug={slug} />
        <Upcoming slug={slug} />
        <BlockTimeForm slug={slug} />
      </div>
    </StaffOnly>
  );
}
