import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  TextInput,
} from 'suomifi-ui-components';
import type { AdminDaycareChild, AdminDaycareUnit } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { parseDate } from '../bookings/time';
import { formatDate } from '../courses/format';
import { fullName } from './format';
import { NewChildForm } from './NewChildForm';
import { useChildSearch, useSavePlacement } from './queries';
import { DateRange } from './DateRange';

/** Place a child (found by name, or added here) in one of the unit's groups from a day on. */
export function PlacementForm({ slug, unit }: { slug: string; unit: AdminDaycareUnit }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const save = useSavePlacement(slug);
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const found = useChildSearch(slug, searched);
  const [added, setAdded] = useState<AdminDaycareChild[]>([]);
  const [adding, setAdding] = useState(false);
  const [childId, setChildId] = useState('');
  const [groupId, setGroupId] = useState(unit.groups[0]?.id ?? '');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState('');
  const children = [
    ...added,
    ...(found.data?.items ?? []).filter((c) => !added.some((a) => a.id === c.id)),
  ];
  const startDate = parseDate(start);
  const endDate = end.trim() ? parseDate(end) : null;
  const errors = {
    child: childId ? undefined : t('admin.placementForm.chooseChild'),
    start: startDate ? undefined : t('form.invalidDate'),
    end:
      end.trim() && (!endDate || (startDate && endDate < startDate))
        ? t('form.endBeforeStart')
        : undefined,
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);
  const describe = (c: AdminDaycareChild) =>
    [
      `${fullName(c)}, ${t('admin.born', { day: formatDate(c.birthDate, language) })}`,
      c.placedIn && t('admin.placementForm.now', { place: c.placedIn }),
    ]
      .filter(Boolean)
      .join(' – ');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setDone('');
    if (save.isPending || Object.values(errors).some(Boolean)) return;
    try {
      await save.mutateAsync({
        id: null,
        body: { childId, groupId, startDate: startDate!, endDate },
      });
    } catch {
      return;
    }
    const child = children.find((c) => c.id === childId);
    const group = unit.groups.find((g) => g.id === groupId);
    setDone(
      t('admin.placementForm.done', { name: child ? fullName(child) : '', group: group?.name }),
    );
    setTouched(false);
    setChildId('');
  }

  return (
    <section aria-labelledby="new-placement-heading" className="form-section daycare-form">
      <Heading variant="h2" id="new-placement-heading" mb="s">
        {t('admin.placementForm.heading')}
      </Heading>
      <div role="status">{done && <SuccessAlert>{done}</SuccessAlert>}</div>
      {save.isError && <ErrorAlert error={save.error} />}
      <form
        className="daycare-inline-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearched(query.trim());
        }}
      >
        <TextInput
          labelText={t('admin.placementForm.search')}
          value={query}
          onChange={(v) => setQuery(String(v ?? ''))}
        />
        <Button type="submit" variant="secondary">
          {t('admin.placementForm.searchButton')}
        </Button>
      </form>
      {found.isError && <ErrorAlert error={found.error} />}
      {found.isSuccess && found.data.items.length === 0 && (
        <Paragraph mb="s">{t('admin.placementForm.noResults')}</Paragraph>
      )}
      {adding ? (
        <NewChildForm
          slug={slug}
          onCancel={() => setAdding(false)}
          onAdded={(child) => {
            setAdded((list) => [child, ...list]);
            setChildId(child.id);
            setAdding(false);
          }}
        />
      ) : (
        <Button variant="secondaryNoBorder" onClick={() => setAdding(true)}>
          {t('admin.newChild.open')}
        </Button>
      )}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="daycare-subform">
        {children.length > 0 && (
          <RadioButtonGroup
            labelText={t('admin.placementForm.child')}
            name="placement-child"
            value={childId}
            onChange={setChildId}
            groupHintText={shown('child')}
            className={shown('child') ? 'daycare-group--error' : undefined}
            mb="m"
          >
            {children.map((c) => (
              <RadioButton key={c.id} value={c.id}>
                {describe(c)}
              </RadioButton>
            ))}
          </RadioButtonGroup>
        )}
        {children.length === 0 && shown('child') && (
          <Paragraph mb="s" className="daycare-error">
            {shown('child')}
          </Paragraph>
        )}
        <Dropdown
          labelText={t('admin.placementForm.group')}
          fullWidth
          value={groupId}
          onChange={(value: string) => setGroupId(value)}
          mb="s"
        >
          {unit.groups.map((g) => (
            <DropdownItem key={g.id} value={g.id}>
              {g.name}
            </DropdownItem>
          ))}
        </Dropdown>
        <DateRange
          labels={{
            start: t('admin.placementForm.start'),
            end: t('admin.placementForm.end'),
            endHint: t('admin.placementForm.endHint'),
          }}
          start={start}
          end={end}
          onStart={setStart}
          onEnd={setEnd}
          errors={{ start: shown('start'), end: shown('end') }}
        />
        <Button type="submit" disabled={save.isPending || unit.groups.length === 0}>
          {t('admin.placementForm.submit')}
        </Button>
      </form>
    </section>
  );
}
