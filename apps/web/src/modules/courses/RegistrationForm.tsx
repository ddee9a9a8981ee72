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

/**
 * The guardian's children for this course: those already registered (with their status) and
 * the others, with a hint when a child is outside the age limits. Registered children get no
 * checkbox: registering them again is refused by the API anyway.
 */
function useChildren(course: Course, slug: string) {
  const { t } = useTranslation('courses');
  const children = useMyChildren(slug, true);
  const mine = useMyRegistrations(slug, true);
  const day = ageDayOf(course);
  const statusOf = (child: Child) =>
    mine.data?.items.find(
      (r) => r.courseId === course.id && r.child.id === child.id && ACTIVE.includes(r.status),
    )?.status;
  const all = children.data?.items ?? [];
  const registered = all.flatMap((child) => {
    const status = statusOf(child);
    return status ? [{ child, status }] : [];
  });
  const open = all
    .filter((child) => !statusOf(child))
    .map((child) => {
      const age = ageOn(child.birthDate, day);
      const fits = age >= course.ageMin && age <= course.ageMax;
      return { child, age, hint: fits ? undefined : t('form.outsideAges') };
    });
  return { query: children, registered, open };
}

/**
 * The children of the signed-in guardian as checkboxes, and "Register". Each child's result
 * (seat held for payment, confirmed, or a waitlist place) is shown above the form and gets the
 * keyboard focus. A child not yet on the list is added inline below the form.
 */
export function RegistrationForm({ course, slug }: { course: Course; slug: string }) {
  const { t } = useTranslation('courses');
  const { query: children, registered, open } = useChildren(course, slug);
  const register = useRegister(slug, course.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState('');
  const [results, setResults] = useState<CourseRegistration[] | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
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

  const showAddForm = adding || (children.isSuccess && children.data.items.length === 0);
  return (
    <div className="registration-form">
      <div ref={resultRef} tabIndex={-1} className="registration-form__result">
        {results && <RegistrationResults results={results} course={course} slug={slug} />}
        {register.isError && <ErrorAlert error={register.error} />}
      </div>
      {children.isPending && <Loading text={t('loading')} />}
      {children.isError && <ErrorAlert error={children.error} />}
      {registered.length > 0 && (
        <div className="registered-children">
          <p>{t('form.registered')}</p>
          <ul>
            {registered.map(({ child, status }) => (
              <li key={child.id}>
                {t('form.registeredChild', {
                  name: `${child.firstName} ${child.lastName}`,
                  status: t(`status.${status}`),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {open.length > 0 && (
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <CheckboxGroup
            labelText={t('form.children')}
            groupHintText={t('form.childrenHint', { min: course.ageMin, max: course.ageMax })}
            groupStatus={touched && noneChosen ? 'error' : 'default'}
            groupStatusText={touched && noneChosen ? t('form.chooseChild') : undefined}
            mb="m"
          >
            {open.map(({ child, age, hint }) => (
              <Checkbox
                key={child.id}
                id={`child-${child.id}`}
                checked={chosen.includes(child.id)}
                hintText={hint}
                onClick={({ checkboxState }) =>
                  setChosen((c) =>
                    checkboxState ? [...c, child.id] : c.filter((id) => id !== child.id),
                  )
                }
              >
                {t('form.child', { name: `${child.firstName} ${child.lastName}`, age })}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <p className="registration-form__added" role="status">
            {added}
          </p>
          {course.seatsLeft === 0 && course.waitlist && (
            <Paragraph mb="s">{t('form.fullNote')}</Paragraph>
          )}
          {priced && <Paragraph mb="s">{t('form.payNote')}</Paragraph>}
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
            children.data?.items.length
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
