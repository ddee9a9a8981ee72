import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
} from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import {
  AGE_GROUPS,
  useMySubscriptions,
  useRemoveSubscription,
  useSubscribe,
  type AgeGroup,
  type FreePlaceUnit,
} from './free-places.queries';

/** Subscribe to a unit's age group, and the person's subscriptions with a remove button each. */
export function FreePlaceSubscriptions({ slug, units }: { slug: string; units: FreePlaceUnit[] }) {
  const { t } = useTranslation('freePlaces');
  const mine = useMySubscriptions(slug, true);
  const subscribe = useSubscribe(slug);
  const remove = useRemoveSubscription(slug);
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [ageGroup, setAgeGroup] = useState<AgeGroup>('under3');
  const [done, setDone] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);
  const what = (unitName: string, group: AgeGroup) => `${unitName}, ${t(`ageGroup.${group}`)}`;
  const focusNotice = () => window.setTimeout(() => noticeRef.current?.focus(), 0);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    remove.reset();
    try {
      const s = await subscribe.mutateAsync({ unitId, ageGroup });
      setDone(t('alerts.subscribed', { what: what(s.unit.name, s.ageGroup) }));
    } catch {
      // shown below
    }
    focusNotice();
  }

  async function onRemove(id: string, text: string) {
    setDone('');
    subscribe.reset();
    try {
      await remove.mutateAsync(id);
      setDone(t('alerts.removed', { what: text }));
    } catch {
      // shown below
    }
    focusNotice();
  }

  const items = mine.data?.items ?? [];
  return (
    <>
      <form onSubmit={(e) => void onSubmit(e)} className="free-places__form" noValidate>
        <Dropdown
          labelText={t('alerts.unit')}
          value={unitId}
          onChange={(value: string) => setUnitId(value)}
          fullWidth
          mb="s"
        >
          {units.map((u) => (
            <DropdownItem key={u.id} value={u.id}>
              {u.name}
            </DropdownItem>
          ))}
        </Dropdown>
        <RadioButtonGroup
          labelText={t('alerts.ageGroup')}
          name="ageGroup"
          value={ageGroup}
          onChange={(value) => setAgeGroup(value as AgeGroup)}
        >
          {AGE_GROUPS.map((group) => (
            <RadioButton key={group} value={group}>
              {t(`ageGroup.${group}`)}
            </RadioButton>
          ))}
        </RadioButtonGroup>
        <Button type="submit" disabled={subscribe.isPending || !unitId} className="form-submit">
          {t('alerts.subscribe')}
        </Button>
      </form>
      <div ref={noticeRef} tabIndex={-1} className="notice-focus">
        {done && <SuccessAlert>{done}</SuccessAlert>}
        {subscribe.isError && <ErrorAlert error={subscribe.error} />}
        {remove.isError && <ErrorAlert error={remove.error} />}
      </div>
      <Heading variant="h3" as="h3" mb="s">
        {t('alerts.mine')}
      </Heading>
      {mine.isPending && <Loading text={t('loading')} />}
      {mine.isError && <ErrorAlert error={mine.error} />}
      {mine.isSuccess && items.length === 0 && <Paragraph>{t('alerts.none')}</Paragraph>}
      {items.length > 0 && (
        <ul className="free-places__subscriptions">
          {items.map((s) => {
            const text = what(s.unit.name, s.ageGroup);
            return (
              <li key={s.id}>
                <span>{text}</span>
                <Button
                  variant="secondary"
                  aria-label={`${t('alerts.remove')}: ${text}`}
                  disabled={remove.isPending}
                  onClick={() => void onRemove(s.id, text)}
                >
                  {t('alerts.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
