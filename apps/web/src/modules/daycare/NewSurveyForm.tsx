import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  DateInput,
  Dropdown,
  DropdownItem,
  Heading,
  RadioButton,
  RadioButtonGroup,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import { parseDate, todayLocal } from '../bookings/time';
import { useGroupDay, useStaffUnits } from './queries';
import { useCreateSurvey } from './discussions.queries';
import { checkSeries, emptySeries, SlotSeriesFields } from './SlotSeriesFields';
import { fullName } from './format';

/**
 * Publish a discussion survey: the group (all its children or chosen ones), the title and
 * description, the booking deadline and the first day's slots, held by the one publishing
 * (more slots, also by colleagues, on the survey's page). The guardians are told at once.
 */
export function NewSurveyForm({ slug, personId }: { slug: string; personId: string }) {
  const { t } = useTranslation('discussions');
  const navigate = useNavigate();
  const units = useStaffUnits(slug);
  const create = useCreateSurvey(slug);
  const groups = (units.data?.items ?? []).flatMap((u) =>
    u.groups.map((g) => ({ ...g, label: `${u.name}: ${g.name}` })),
  );
  const [groupId, setGroupId] = useState('');
  const group = groupId || groups.find((g) => g.mine)?.id || groups[0]?.id || '';
  const day = useGroupDay(slug, group || null, todayLocal());
  const [whole, setWhole] = useState('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [deadline, setDeadline] = useState('');
  const [series, setSeries] = useState(emptySeries(personId));
  const [touched, setTouched] = useState(false);

  const deadlineDay = parseDate(deadline);
  const checked = checkSeries(series, t);
  const errors = {
    title: title.trim() ? undefined : t('required'),
    deadline: !deadline.trim() ? t('required') : !deadlineDay ? t('series.invalidDate') : undefined,
    children: whole === 'chosen' && chosen.length === 0 ? t('create.chooseChildren') : undefined,
    ...checked.errors,
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (create.isPending || Object.values(errors).some(Boolean) || !checked.series) return;
    try {
      const { day: slotDay, from, to, minutes, breakMinutes, place } = checked.series;
      const slots = [];
      const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
      const clock = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      for (let m = toMinutes(from); m + minutes <= toMinutes(to); m += minutes + breakMinutes) {
        slots.push({
          day: slotDay,
          start: clock(m),
          end: clock(m + minutes),
          staffId: personId,
          place,
        });
      }
      const survey = await create.mutateAsync([
        {
          groupId: group,
          ...(whole === 'chosen' ? { childIds: chosen } : {}),
          title,
          description,
          bookingDeadline: deadlineDay!,
          slots,
        },
      ]);
      navigate(`/${slug}/daycare/staff/discussions/${survey.id}`);
    } catch {
      // The translated problem is shown above the button.
    }
  }

  return (
    <section aria-labelledby="new-survey-heading" className="form-section">
      <Heading variant="h2" id="new-survey-heading" mb="s">
        {t('create.heading')}
      </Heading>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        {groups.length > 0 && (
          <Dropdown
            labelText={t('create.group')}
            value={group}
            onChange={setGroupId}
            fullWidth
            mb="m"
          >
            {groups.map((g) => (
              <DropdownItem key={g.id} value={g.id}>
                {g.label}
              </DropdownItem>
            ))}
          </Dropdown>
        )}
        <RadioButtonGroup
          labelText={t('create.children')}
          name="children"
          value={whole}
          onChange={setWhole}
          mb="s"
        >
          <RadioButton value="all">{t('create.allChildren')}</RadioButton>
          <RadioButton value="chosen">{t('create.chosenChildren')}</RadioButton>
        </RadioButtonGroup>
        {whole === 'chosen' && (
          <CheckboxGroup
            labelText={t('create.whichChildren')}
            groupHintText={shown('children')}
            className={shown('children') ? 'daycare-group--error' : undefined}
            mb="m"
          >
            {(day.data?.children ?? []).map((child) => (
              <Checkbox
                key={child.id}
                checked={chosen.includes(child.id)}
                onClick={({ checkboxState }) =>
                  setChosen((c) =>
                    checkboxState ? [...c, child.id] : c.filter((id) => id !== child.id),
                  )
                }
              >
                {fullName(child)}
              </Checkbox>
            ))}
          </CheckboxGroup>
        )}
        <TextInput
          labelText={t('create.title')}
          hintText={t('create.titleHint')}
          value={title}
          maxLength={200}
          onChange={(value) => setTitle(String(value ?? ''))}
          status={shown('title') ? 'error' : 'default'}
          statusText={shown('title')}
          fullWidth
          mb="m"
        />
        <Textarea
          labelText={t('create.description')}
          optionalText={t('optional')}
          value={description}
          maxLength={4000}
          onChange={(event) => setDescription(event.target.value)}
          fullWidth
          mb="m"
        />
        <DateInput
          labelText={t('create.deadline')}
          hintText={t('create.deadlineHint')}
          value={deadline}
          onChange={({ value }) => setDeadline(value)}
          status={shown('deadline') ? 'error' : 'default'}
          statusText={shown('deadline')}
          fullWidth
        />
        <Heading variant="h3" as="h3" mt="m" mb="s">
          {t('create.slots')}
        </Heading>
        <SlotSeriesFields
          draft={series}
          onChange={setSeries}
          errors={touched ? checked.errors : {}}
        />
        {create.isError && <ErrorAlert error={create.error} />}
        <Button type="submit" disabled={create.isPending}>
          {t('create.submit')}
        </Button>
      </form>
    </section>
  );
}
