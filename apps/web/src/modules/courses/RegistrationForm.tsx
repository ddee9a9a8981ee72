import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, CheckboxGroup, Paragraph } from 'suomifi-ui-components';
import type { Child, Course, CourseRegistration } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { AddChildForm } from './AddChildForm';
import { ageDayOf, ageOn } from './format';
import { useMyChildren, useMyRegistrations, useRegister } from './queries';
import { RegistrationResults } from './RegistrationResults';

const ACTIVE = ['held', 'confirmed', 'waitlisted', 'offered'];

/** What to tell about a child beside its checkbox: already registered, or outside the ages. */
function useChildHints(course: Course, slug: string) {
  const { t } = useTranslation('courses');
  const mine = useMyRegistrations(slug, true);
  const day = ageDayOf(course);
  return (child: Child) => {
    const existing = mine.data?.items.find(
      (r) => r.courseId === course.id && r.child.id === child.id && ACTIVE.includes(r.status),
    );
    if (existing) return { registered: true, hint: t('form.alreadyRegistered') };
    const age = ageOn(child.birthDate, day);
    const fits = age >= course.ageMin && age <= course.ageMax;
    return { registered: false, hint: fits ? undefined : t('form.outsideAges') };
  };
}

/**
 * The children of the signed-in guardian as checkboxes, and "Register". Each child's result
 * (seat held for payment, confirmed, or a waitlist place) is shown above the form and gets the
 * keyboard focus. A child not yet on the list is added inline below the form.
 */
export function RegistrationForm({ course, slug }: { course: Course; slug: string }) {
  const { t } = useTranslation('courses');
  const children = useMyChildren(slug, true);
  const register = useRegister(slug, course.id);
  const hints = useChildHints(course, slug);
  const [chosen, setChosen] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState('');
  const [results, setResults] = useState<CourseRegistration[] | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const items = children.data?.items ?? [];
  const noneChosen = chosen.length === 0;
  const priced = course.priceCents !== null && course.priceCents > 0;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (noneChosen || register.isPending) return;
    setResults(null);
    try {
      const { items: done } = await register.mutateAsync(chosen);
      setResults(done);
      setChosen([]);
      setTouched(false);
      setAdded('');
    } catch {
      // The translated problem is shown above the form: take the focus there too.
    }
    window.setTimeout(() => resultRef.current?.focus(), 0);
  }

  function onChildAdded(child: Child) {
    setAdding(false);
    setChosen((c) => [...c, child.id]);
    setAdded(t('child.added', { name: `${child.firstName} ${child.lastName}` }));
    // The new child is on the list, chosen: the focus goes to its checkbox.
    window.setTimeout(() => document.getElementById(`child-${child.id}`)?.focus(), 0);
  }

  const showAddForm = adding || (children.isSuccess && items.length === 0);
  return (
    <div className="registration-form">
      <div ref={resultRef} tabIndex={-1} className="registration-form__result">
        {results && <RegistrationResults results={results} course={course} slug={slug} />}
        {register.isError && <ErrorAlert error={register.error} />}
      </div>
      {children.isPending && <Loading text={t('loading')} />}
      {children.isError && <ErrorAlert error={children.error} />}
      {items.length > 0 && (
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <CheckboxGroup
            labelText={t('form.children')}
            groupHintText={t('form.childrenHint', { min: course.ageMin, max: course.ageMax })}
            groupStatus={touched && noneChosen ? 'error' : 'default'}
            groupStatusText={touched && noneChosen ? t('form.chooseChild') : undefined}
            mb="m"
          >
            {items.map((child) => {
              const { registered, hint } = hints(child);
              return (
                <Checkbox
                  key={child.id}
                  id={`child-${child.id}`}
                  checked={chosen.includes(child.id)}
                  disabled={registered}
                  hintText={hint}
                  onClick={({ checkboxState }) =>
                    setChosen((c) =>
                      checkboxState ? [...c, child.id] : c.filter((id) => id !== child.id),
                    )
                  }
                >
                  {t('form.child', {
                    name: `${child.firstName} ${child.lastName}`,
                    age: ageOn(child.birthDate, ageDayOf(course)),
                  })}
                </Checkbox>
              );
            })}
          </CheckboxGroup>
          <p className="registration-form__added" role="status">
            {added}
          </p>
          {course.seatsLeft === 0 && course.waitlist && (
            <Paragraph mb="s">{t('form.fullNote')}</Paragraph>
          )}
          {priced && (
            <Paragraph mb="s">{t('form.payNote', { count: course.holdMinutes })}</Paragraph>
          )}
          <Button type="submit" disabled={register.isPending}>
            {t('form.submit')}
          </Button>
        </form>
      )}
      {showAddForm ? (
        <AddChildForm
          slug={slug}
          focusOnOpen={adding}
          onAdded={onChildAdded}
          onCancel={
            items.length > 0
              ? () => {
                  setAdding(false);
                  window.setTimeout(() => addButton.current?.focus(), 0);
                }
              : undefined
          }
        />
      ) : (
        children.isSuccess && (
          <Paragraph mt="m">
            <Button ref={addButton} variant="secondaryNoBorder" onClick={() => setAdding(true)}>
              {t('child.open')}
            </Button>
          </Paragraph>
        )
      )}
    </div>
  );
}
