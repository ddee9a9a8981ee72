import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import {
  ApiError,
  type Organisation,
  type OrganisationBody,
  type OrganisationKind,
} from '../../api/client';
import { ErrorAlert } from '../../app/feedback';

type Draft = Required<Omit<OrganisationBody, 'kind'>> & { kind: OrganisationKind };
type Field = keyof Draft;

const emptyDraft: Draft = {
  kind: 'association',
  name: '',
  businessId: '',
  registerNumber: '',
  street: '',
  postcode: '',
  city: '',
  eInvoiceAddress: '',
  eInvoiceOperator: '',
  contactEmail: '',
};

const draftOf = (o: Organisation): Draft => ({
  kind: o.kind,
  name: o.name,
  businessId: o.businessId ?? '',
  registerNumber: o.registerNumber ?? '',
  street: o.street,
  postcode: o.postcode,
  city: o.city,
  eInvoiceAddress: o.eInvoiceAddress ?? '',
  eInvoiceOperator: o.eInvoiceOperator ?? '',
  contactEmail: o.contactEmail,
});

/** The server's checks (business ID checksum, identifiers, e-invoice address) by field. */
const fieldOfCode: Record<string, Field> = {
  invalidBusinessId: 'businessId',
  businessIdRequired: 'businessId',
  organisationExists: 'businessId',
  invalidRegisterNumber: 'registerNumber',
  organisationIdRequired: 'registerNumber',
  invalidEInvoiceAddress: 'eInvoiceAddress',
  eInvoiceOperatorRequired: 'eInvoiceOperator',
};

/**
 * Register an organisation or change its details: kind, name, identifiers (business ID, or an
 * association's register number), billing address, optional e-invoice address and the billing
 * email. Only staff may change the kind of an existing organisation (`kindLocked`).
 */
export function OrganisationForm(props: {
  organisation: Organisation | null;
  kindLocked: boolean;
  submitText: string;
  onSubmit: (body: OrganisationBody) => Promise<unknown>;
  error: unknown;
  pending: boolean;
}) {
  const { organisation, kindLocked, submitText, error, pending } = props;
  const { t } = useTranslation('organisations');
  const [draft, setDraft] = useState<Draft>(() =>
    organisation ? draftOf(organisation) : emptyDraft,
  );
  const [touched, setTouched] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const missing = (field: Field) => touched && draft[field].trim() === '';
  const localError = (field: Field): string | undefined => {
    if (['name', 'street', 'city', 'contactEmail'].includes(field) && missing(field))
      return t('form.required');
    if (field === 'postcode' && touched && !/^[0-9]{5}$/.test(draft.postcode))
      return t('form.postcodeInvalid');
    if (field === 'contactEmail' && touched && !/^[^@\s]+@[^@\s]+$/.test(draft.contactEmail))
      return t('form.emailInvalid');
    return undefined;
  };
  const serverError = (field: Field) => {
    if (!(error instanceof ApiError)) return undefined;
    const code = (error.problem as { code?: string }).code ?? '';
    if (fieldOfCode[code] === field) return error.problem.title;
    return error.fieldError(`body.${field}`);
  };
  const errorOf = (field: Field) => localError(field) ?? serverError(field);

  function input(
    field: Exclude<Field, 'kind'>,
    options: { optional?: boolean; hint?: string } = {},
  ) {
    const message = errorOf(field);
    return (
      <TextInput
        labelText={t(`form.${field}`)}
        optionalText={options.optional ? t('form.optional') : undefined}
        hintText={options.hint}
        value={draft[field]}
        onChange={(v) => set({ [field]: String(v ?? '') })}
        status={message ? 'error' : 'default'}
        statusText={message}
        fullWidth
        mb="m"
      />
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (pending) return;
    const invalid = (['name', 'street', 'postcode', 'city', 'contactEmail'] as const).some(
      (f) => localError(f) !== undefined || draft[f].trim() === '',
    );
    if (invalid || !/^[0-9]{5}$/.test(draft.postcode)) {
      window.setTimeout(
        () => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
        0,
      );
      return;
    }
    const body: OrganisationBody = {
      ...draft,
      // A company is identified by its business ID alone.
      registerNumber: draft.kind === 'company' ? '' : draft.registerNumber,
      name: draft.name.trim(),
      street: draft.street.trim(),
      city: draft.city.trim(),
      contactEmail: draft.contactEmail.trim(),
    };
    try {
      await props.onSubmit(body);
    } catch {
      window.setTimeout(() => document.getElementById('organisation-form-error')?.focus(), 0);
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="organisation-form">
      <div id="organisation-form-error" tabIndex={-1}>
        {error !== null && error !== undefined && <ErrorAlert error={error} />}
      </div>
      {kindLocked ? (
        <p className="organisation-form__kind">
          <strong>{t('form.kind')}:</strong> {t(`kinds.${draft.kind}`)}
        </p>
      ) : (
        <RadioButtonGroup
          labelText={t('form.kind')}
          groupHintText={t('form.kindHint')}
          name="organisation-kind"
          value={draft.kind}
          onChange={(value) => set({ kind: value as OrganisationKind })}
          mb="m"
        >
          <RadioButton value="association">{t('kinds.association')}</RadioButton>
          <RadioButton value="company">{t('kinds.company')}</RadioButton>
        </RadioButtonGroup>
      )}
      {input('name')}
      {input('businessId', {
        optional: draft.kind === 'association',
        hint: t(
          draft.kind === 'company' ? 'form.businessIdHint' : 'form.businessIdHintAssociation',
        ),
      })}
      {draft.kind === 'association' &&
        input('registerNumber', { optional: true, hint: t('form.registerNumberHint') })}
      <fieldset className="organisation-form__group">
        <legend>{t('form.billingAddress')}</legend>
        {input('street')}
        {input('postcode')}
        {input('city')}
      </fieldset>
      {input('contactEmail', { hint: t('form.contactEmailHint') })}
      {input('eInvoiceAddress', { optional: true, hint: t('form.eInvoiceAddressHint') })}
      {input('eInvoiceOperator', { optional: true, hint: t('form.eInvoiceOperatorHint') })}
      <Button type="submit" disabled={pending}>
        {submitText}
      </Button>
    </form>
  );
}
