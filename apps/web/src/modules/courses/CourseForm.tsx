import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Checkbox,
  Dropdown,
  DropdownItem,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { ApiError, type Course } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage, languages } from '../../i18n';
import { formatMoney, priceOf } from '../shop/money';
import { useProducts } from '../shop/queries';
import {
  checkDraft,
  draftOf,
  emptyDraft,
  type CourseDraft,
  type DraftError,
  type NumberField,
} from './courseDraft';
import { NativeField } from './NativeField';
import { useSaveCourse } from './queries';
import { SessionsEditor } from './SessionsEditor';

const FREE = 'free';

/**
 * Create or edit a course: names and descriptions in three languages, place, ages, seats, the
 * price product (a course_fee product of the shop, or free), the registration period in
 * Helsinki time, first come or fair queue with its pace and admission time, the hold for
 * payment, the waitlist and its offer time, free cancellation, and the sessions.
 */
export function CourseForm(props: {
  slug: string;
  course: Course | null;
  onSaved: (course: Course) => void;
}) {
  const { slug, course, onSaved } = props;
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const products = useProducts(slug);
  const save = useSaveCourse(slug, course?.id ?? null);
  const [draft, setDraft] = useState<CourseDraft>(() => (course ? draftOf(course) : emptyDraft()));
  const [touched, setTouched] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const { body, errors } = checkDraft(draft);
  // Course fee products, and the course's own price product whatever its kind (set elsewhere).
  const fees =
    products.data?.items.filter(
      (p) => p.kind === 'course_fee' || p.id === course?.priceProductId,
    ) ?? [];

  const message = (e: DraftError) => {
    switch (e.problem) {
      case 'required':
        return t('required');
      case 'range':
        return t('admin.errors.range', { min: e.min, max: e.max });
      case 'time':
        return t('admin.errors.time');
      case 'duplicate':
        return t('admin.errors.duplicate');
      case 'order':
        return e.field === 'ageMax'
          ? t('admin.errors.ageOrder')
          : e.field === 'closesAt'
            ? t('admin.errors.closesOrder')
            : t('admin.errors.endOrder');
    }
  };
  const errorOf = (field: string) => {
    const own = touched ? errors.find((e) => e.field === field) : undefined;
    if (own) return message(own);
    return save.error instanceof ApiError ? save.error.fieldError(field) : undefined;
  };
  const status = (field: string) => (errorOf(field) ? ('error' as const) : ('default' as const));
  const set = (patch: Partial<CourseDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function numberInput(field: NumberField, label: string, hint?: string) {
    return (
      <TextInput
        labelText={label}
        hintText={hint}
        inputMode="numeric"
        value={draft[field]}
        onChange={(v) => set({ [field]: String(v ?? '') })}
        status={status(field)}
        statusText={errorOf(field)}
        className="course-form__number"
        mb="m"
      />
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (save.isPending) return;
    if (!body) {
      // The first field with an error takes the focus; its message is read with it.
      window.setTimeout(
        () => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
        0,
      );
      return;
    }
    try {
      onSaved(await save.mutateAsync(body));
    } catch {
      window.setTimeout(() => document.getElementById('course-form-error')?.focus(), 0);
    }
  }

  return (
    <form ref={formRef} className="course-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <fieldset className="course-form__group">
        <legend>{t('admin.basics')}</legend>
        {languages.map((lang) => (
          <TextInput
            key={lang}
            labelText={t(`admin.name_${lang}`)}
            value={draft.name[lang]}
            maxLength={200}
            onChange={(v) => set({ name: { ...draft.name, [lang]: String(v ?? '') } })}
            status={status(`name.${lang}`)}
            statusText={errorOf(`name.${lang}`)}
            fullWidth
            mb="m"
          />
        ))}
        {languages.map((lang) => (
          <Textarea
            key={lang}
            labelText={t(`admin.description_${lang}`)}
            optionalText={t('optional')}
            value={draft.description[lang]}
            maxLength={4000}
            onChange={(e) => set({ description: { ...draft.description, [lang]: e.target.value } })}
            fullWidth
            mb="m"
          />
        ))}
        <TextInput
          labelText={t('admin.location')}
          hintText={t('admin.locationHint')}
          value={draft.location}
          maxLength={300}
          onChange={(v) => set({ location: String(v ?? '') })}
          fullWidth
          mb="m"
        />
      </fieldset>

      <fieldset className="course-form__group">
        <legend>{t('admin.participants')}</legend>
        <div className="course-form__row">
          {numberInput('ageMin', t('admin.ageMin'))}
          {numberInput('ageMax', t('admin.ageMax'))}
          {numberInput('seats', t('admin.seats'))}
        </div>
        {products.isError && <ErrorAlert error={products.error} />}
        <Dropdown<string>
          labelText={t('admin.price')}
          hintText={t('admin.priceHint')}
          value={draft.priceProductId || FREE}
          onChange={(value) => set({ priceProductId: value === FREE ? '' : value })}
          fullWidth
          mb="m"
        >
          {[
            <DropdownItem key={FREE} value={FREE}>
              {t('admin.free')}
            </DropdownItem>,
            ...fees.map((p) => {
              const resident = priceOf(p, 'resident');
              return (
                <DropdownItem key={p.id} value={p.id}>
                  {resident === null
                    ? p.name[language]
                    : t('admin.priceOption', {
                        name: p.name[language],
                        price: formatMoney(resident, language),
                      })}
                </DropdownItem>
              );
            }),
          ]}
        </Dropdown>
      </fieldset>

      <fieldset className="course-form__group">
        <legend>{t('admin.registration')}</legend>
        <div className="course-form__row">
          <NativeField
            type="datetime-local"
            label={t('admin.opensAt')}
            hint={t('admin.helsinkiTime')}
            value={draft.opensAt}
            onChange={(opensAt) => set({ opensAt })}
            error={errorOf('opensAt')}
          />
          <NativeField
            type="datetime-local"
            label={t('admin.closesAt')}
            hint={t('admin.helsinkiTime')}
            value={draft.closesAt}
            onChange={(closesAt) => set({ closesAt })}
            error={errorOf('closesAt')}
          />
        </div>
        <RadioButtonGroup
          labelText={t('admin.mode')}
          name="registration-mode"
          value={draft.mode}
          onChange={(mode) => set({ mode: mode === 'fair_queue' ? 'fair_queue' : 'first_come' })}
          mb="m"
        >
          <RadioButton value="first_come" hintText={t('admin.firstComeHint')}>
            {t('mode.first_come')}
          </RadioButton>
          <RadioButton value="fair_queue" hintText={t('admin.fairQueueHint')}>
            {t('mode.fair_queue')}
          </RadioButton>
        </RadioButtonGroup>
        {draft.mode === 'fair_queue' && (
          <div className="course-form__row">
            {numberInput('admitPerMinute', t('admin.admitPerMinute'), t('admin.admitHint'))}
            {numberInput('admissionMinutes', t('admin.admissionMinutes'), t('admin.admissionHint'))}
          </div>
        )}
        {numberInput('holdMinutes', t('admin.holdMinutes'), t('admin.holdHint'))}
      </fieldset>

      <fieldset className="course-form__group">
        <legend>{t('admin.waitlistAndCancel')}</legend>
        <Checkbox
          checked={draft.waitlist}
          hintText={t('admin.waitlistHint')}
          onClick={({ checkboxState }) => set({ waitlist: checkboxState })}
        >
          {t('admin.waitlist')}
        </Checkbox>
        <div className="course-form__row course-form__row--spaced">
          {draft.waitlist && numberInput('offerHours', t('admin.offerHours'), t('admin.offerHint'))}
          {numberInput('cancelFreeHours', t('admin.cancelFreeHours'), t('admin.cancelHint'))}
        </div>
      </fieldset>

      <SessionsEditor
        sessions={draft.sessions}
        onChange={(sessions) => set({ sessions })}
        errorOf={errorOf}
      />

      <div id="course-form-error" tabIndex={-1} className="notice-focus">
        {save.isError && <ErrorAlert error={save.error} />}
      </div>
      {touched && !body && (
        <Paragraph mb="s" className="course-form__invalid">
          {t('admin.fixErrors')}
        </Paragraph>
      )}
      <Button type="submit" disabled={save.isPending}>
        {course ? t('admin.save') : t('admin.create')}
      </Button>
    </form>
  );
}
