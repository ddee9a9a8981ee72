import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DateInput, Heading, Paragraph } from 'suomifi-ui-components';
import type { UnitPlacement } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { parseDate, todayLocal } from '../bookings/time';
import { formatDate } from '../courses/format';
import { fullName } from './format';
import { useDeletePlacement, useSavePlacement, useUnitPlacements } from './queries';

/** Ending a placement: its last day, today by default. */
function EndPlacement(props: {
  slug: string;
  placement: UnitPlacement;
  onDone: (message: string) => void;
}) {
  const { slug, placement, onDone } = props;
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const save = useSavePlacement(slug);
  const [text, setText] = useState(formatDate(todayLocal(), 'fi'));
  const day = parseDate(text);
  const name = fullName(placement.child);
  async function onEnd() {
    if (!day || save.isPending) return;
    try {
      await save.mutateAsync({
        id: placement.id,
        body: {
          childId: placement.child.id,
          groupId: placement.group.id,
          startDate: placement.startDate,
          endDate: day,
        },
      });
      onDone(t('admin.placements.ended', { name, day: formatDate(day, language) }));
    } catch {
      // shown below
    }
  }
  return (
    <div className="daycare-inline-form">
      {save.isError && <ErrorAlert error={save.error} />}
      <DateInput
        labelText={t('admin.placements.lastDay', { name })}
        value={text}
        onChange={({ value }) => setText(value)}
        status={day ? 'default' : 'error'}
        statusText={day ? undefined : t('form.invalidDate')}
      />
      <Button variant="secondary" disabled={!day || save.isPending} onClick={() => void onEnd()}>
        {t('admin.placements.end')}
      </Button>
    </div>
  );
}

/** The unit's placements that have not ended: end one, or remove one made by mistake. */
export function PlacementsSection({ slug, unitId }: { slug: string; unitId: string }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const placements = useUnitPlacements(slug, unitId);
  const remove = useDeletePlacement(slug);
  const [ending, setEnding] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const done = (message: string) => {
    setEnding(null);
    setNotice(message);
  };
  const items = placements.data?.items ?? [];
  return (
    <section aria-labelledby="placements-heading" className="form-section">
      <Heading variant="h2" id="placements-heading" mb="s">
        {t('admin.placements.heading')}
      </Heading>
      <div role="status">{notice && <SuccessAlert>{notice}</SuccessAlert>}</div>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {placements.isPending && <Loading text={t('loading')} />}
      {placements.isError && <ErrorAlert error={placements.error} />}
      {placements.isSuccess && items.length === 0 && (
        <Paragraph>{t('admin.placements.empty')}</Paragraph>
      )}
      <ul className="placement-list">
        {items.map((p) => {
          const name = fullName(p.child);
          return (
            <li key={p.id} className="placement">
              <p className="placement__who">
                {name}{' '}
                <span className="placement__birth">
                  ({t('admin.born', { day: formatDate(p.child.birthDate, language) })})
                </span>
              </p>
              <p>
                {p.group.name}: {formatDate(p.startDate, language)}–
                {p.endDate ? formatDate(p.endDate, language) : t('admin.placements.open')}
              </p>
              {ending === p.id ? (
                <EndPlacement slug={slug} placement={p} onDone={done} />
              ) : (
                <div className="button-row">
                  <Button
                    variant="secondary"
                    aria-label={`${t('admin.placements.end')}: ${name}`}
                    onClick={() => setEnding(p.id)}
                  >
                    {t('admin.placements.end')}
                  </Button>
                  <Button
                    variant="secondaryNoBorder"
                    aria-label={`${t('admin.placements.remove')}: ${name}`}
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate(p.id, {
                        onSuccess: () => done(t('admin.placements.removed', { name })),
                      })
                    }
                  >
                    {t('admin.placements.remove')}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
