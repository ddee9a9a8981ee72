import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  Button,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  TextInput,
} from 'suomifi-ui-components';
import { incomeAttachmentUrl, type FeePreview, type IncomeStatement } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage, type Language } from '../../i18n';
import { formatDate, formatDateTimeLong } from '../courses/format';
import { formatMoney, formatVatRate } from '../shop/money';
import { fullName } from './format';
import { useFeePreview, useSubmitIncomeStatement } from './queries';
import './daycare.css';

const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
type FileType = (typeof TYPES)[number];

/** "3 400,50" or "3400.5" → 340050 cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

const money = (cents: number, language: Language) => formatMoney(cents, language);

/** The formula of the youngest child's full fee, written out. */
function FullFeeFormula({ preview }: { preview: FeePreview }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const { period } = preview;
  if (preview.basis !== 'income') {
    return (
      <Paragraph>
        {t(`fees.basis.${preview.basis}`, { max: money(period.maxFeeCents, language) })}
      </Paragraph>
    );
  }
  if (preview.missingLimits) return <Paragraph>{t('fees.missingLimits')}</Paragraph>;
  const income = preview.incomeCents!;
  const limit = preview.limitCents!;
  const percent = preview.percentFeeCents!;
  return (
    <>
      <Paragraph>
        {t('fees.family', {
          size: preview.familySize,
          adults: preview.adults,
          children: preview.childrenUnder18,
        })}{' '}
        {t('fees.limit', { limit: money(limit, language) })}
      </Paragraph>
      <p className="fee-formula" data-testid="fee-formula">
        {income <= limit
          ? t('fees.underLimit', { income: money(income, language), limit: money(limit, language) })
          : `(${money(income, language)} − ${money(limit, language)}) × ${formatVatRate(period.incomeBp, language)} = ${money(percent, language)}`}
        {percent > period.maxFeeCents &&
          ` → ${t('fees.capped', { max: money(period.maxFeeCents, language) })}`}
      </p>
    </>
  );
}

function ChildFees({ preview }: { preview: FeePreview }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const { period } = preview;
  const full = preview.fullFeeCents;
  if (preview.children.length === 0) return <Paragraph>{t('fees.noChildren')}</Paragraph>;
  return (
    <ul className="fee-children">
      {preview.children.map((child) => {
        const bp =
          child.rule === 'second'
            ? period.secondChildBp
            : child.rule === 'further'
              ? period.furtherChildBp
              : null;
        const share =
          full === null || child.computedCents === null
            ? null
            : bp === null
              ? t('fees.rule.youngest')
              : `${formatVatRate(bp, language)} × ${money(full, language)} = ${money(
                  Math.floor((full * bp) / 10000),
                  language,
                )}${
                  child.rule === 'second' &&
                  period.secondChildMaxCents !== null &&
                  Math.floor((full * bp) / 10000) > period.secondChildMaxCents
                    ? ` → ${t('fees.capped', { max: money(period.secondChildMaxCents, language) })}`
                    : ''
                }`;
        return (
          <li key={child.id} className="fee-child">
            <Heading variant="h3" as="h3">
              {fullName(child)}
            </Heading>
            <p className="fee-child__amount">
              {child.feeCents === null
                ? t('fees.unknown')
                : t('fees.perMonth', { fee: money(child.feeCents, language) })}
            </p>
            {share && (
              <p>
                {t(`fees.ruleName.${child.rule}`)}: {share}
              </p>
            )}
            {child.computedCents !== null && child.computedCents > 0 && child.feeCents === 0 && (
              <p>{t('fees.belowMinimum', { min: money(period.minFeeCents, language) })}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function OnRecord({ statement, slug }: { statement: IncomeStatement | null; slug: string }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  if (!statement) return <Paragraph>{t('fees.noStatement')}</Paragraph>;
  return (
    <div className="fee-record">
      <p>
        {t('fees.submitted', {
          when: formatDateTimeLong(statement.submittedAt, language),
          who: statement.submittedBy,
        })}
      </p>
      {statement.acceptsHighestFee ? (
        <p>{t('fees.acceptedHighest')}</p>
      ) : (
        <>
          {statement.incomesCents.map((cents, i) => (
            <p key={i}>{t('fees.adultIncome', { n: i + 1, income: money(cents, language) })}</p>
          ))}
          <p>{t('fees.total', { income: money(statement.totalIncomeCents, language) })}</p>
        </>
      )}
      {statement.attachment && (
        <p>
          <a href={incomeAttachmentUrl(slug, statement.id)}>
            {t('fees.openAttachment', { name: statement.attachment.name })}
          </a>
        </p>
      )}
      <p>{statement.handled ? t('fees.handled') : t('fees.pending')}</p>
    </div>
  );
}

function StatementForm({ slug }: { slug: string }) {
  const { t } = useTranslation('daycare');
  const submit = useSubmitIncomeStatement(slug);
  const [mode, setMode] = useState<'income' | 'highest'>('income');
  const [adults, setAdults] = useState<1 | 2>(2);
  const [incomes, setIncomes] = useState(['', '']);
  const [file, setFile] = useState<File | null>(null);
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);

  const parsed = incomes.slice(0, adults).map(parseEuros);
  const fileError = !file
    ? t('fees.form.fileMissing')
    : !TYPES.includes(file.type as FileType)
      ? t('fees.form.fileType')
      : file.size > MAX_BYTES
        ? t('fees.form.fileSize')
        : undefined;
  const invalid = mode === 'income' && (parsed.some((c) => c === null) || fileError !== undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setDone('');
    if (invalid || submit.isPending) return;
    try {
      if (mode === 'highest') {
        await submit.mutateAsync({ acceptsHighestFee: true, incomesCents: [] });
      } else {
        await submit.mutateAsync({
          acceptsHighestFee: false,
          incomesCents: parsed as number[],
          attachment: {
            name: file!.name,
            contentType: file!.type as FileType,
            dataBase64: await readBase64(file!),
          },
        });
      }
      setDone(t('fees.form.done'));
      setTouched(false);
      setIncomes(['', '']);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
    } catch {
      // shown below
    }
  }

  return (
    <section aria-labelledby="statement-heading" className="form-section">
      <Heading variant="h2" id="statement-heading" mb="s">
        {t('fees.form.heading')}
      </Heading>
      <div role="status">{done && <SuccessAlert>{done}</SuccessAlert>}</div>
      {submit.isError && <ErrorAlert error={submit.error} />}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="fee-form">
        <RadioButtonGroup
          labelText={t('fees.form.choice')}
          name="fee-choice"
          value={mode}
          onChange={(value) => setMode(value as 'income' | 'highest')}
        >
          <RadioButton value="income">{t('fees.form.income')}</RadioButton>
          <RadioButton value="highest">{t('fees.form.highest')}</RadioButton>
        </RadioButtonGroup>
        {mode === 'income' && (
          <>
            <RadioButtonGroup
              labelText={t('fees.form.adults')}
              name="fee-adults"
              value={String(adults)}
              onChange={(value) => setAdults(value === '1' ? 1 : 2)}
            >
              <RadioButton value="1">{t('fees.form.oneAdult')}</RadioButton>
              <RadioButton value="2">{t('fees.form.twoAdults')}</RadioButton>
            </RadioButtonGroup>
            {Array.from({ length: adults }, (_, i) => (
              <TextInput
                key={i}
                labelText={t('fees.form.adultIncome', { n: i + 1 })}
                hintText={t('fees.form.incomeHint')}
                inputMode="decimal"
                value={incomes[i]}
                onChange={(value) =>
                  setIncomes((old) => old.map((v, j) => (j === i ? String(value ?? '') : v)))
                }
                status={touched && parsed[i] === null ? 'error' : 'default'}
                statusText={
                  touched && parsed[i] === null ? t('fees.form.incomeInvalid') : undefined
                }
              />
            ))}
            <div className="fee-file">
              <label htmlFor="fee-attachment">{t('fees.form.attachment')}</label>
              <p id="fee-attachment-hint">{t('fees.form.attachmentHint')}</p>
              <input
                id="fee-attachment"
                ref={fileRef}
                type="file"
                accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
                aria-describedby={
                  touched && fileError
                    ? 'fee-attachment-hint fee-attachment-error'
                    : 'fee-attachment-hint'
                }
                aria-invalid={touched && fileError ? true : undefined}
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
              {touched && fileError && (
                <p id="fee-attachment-error" className="fee-file__error">
                  {fileError}
                </p>
              )}
            </div>
          </>
        )}
        {mode === 'highest' && <Paragraph>{t('fees.form.highestNote')}</Paragraph>}
        <Button type="submit" disabled={submit.isPending}>
          {t('fees.form.submit')}
        </Button>
      </form>
    </section>
  );
}

/**
 * The guardian's fee page (mobile first): the fee preview with the formula written out, the
 * income information on record and the form for a new income statement.
 */
export function FeesPage() {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const { slug } = useMunicipality();
  const preview = useFeePreview(slug);
  usePageTitle(t('fees.title'));
  const data = preview.data;

  return (
    <div className="page daycare">
      <p>
        <Link to={`/${slug}/daycare`}>{t('fees.back')}</Link>
      </p>
      <Heading variant="h1" mb="s">
        {t('fees.title')}
      </Heading>
      <Paragraph mb="m">{t('fees.intro')}</Paragraph>
      {preview.isPending && <Loading text={t('loading')} />}
      {preview.isError && <ErrorAlert error={preview.error} />}
      {data && (
        <>
          <section aria-labelledby="preview-heading" className="form-section">
            <Heading variant="h2" id="preview-heading" mb="s">
              {t('fees.previewHeading', { day: formatDate(data.date, language) })}
            </Heading>
            <FullFeeFormula preview={data} />
            <ChildFees preview={data} />
            <Paragraph>
              {t('fees.parameters', {
                from: formatDate(data.period.validFrom, language),
                max: money(data.period.maxFeeCents, language),
                min: money(data.period.minFeeCents, language),
              })}
            </Paragraph>
          </section>
          <section aria-labelledby="record-heading" className="form-section">
            <Heading variant="h2" id="record-heading" mb="s">
              {t('fees.recordHeading')}
            </Heading>
            <OnRecord statement={data.statement} slug={slug} />
          </section>
          <StatementForm slug={slug} />
        </>
      )}
    </div>
  );
}
