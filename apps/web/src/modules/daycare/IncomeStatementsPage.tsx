import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import { incomeAttachmentUrl, type FinanceStatement } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDateTimeLong } from '../courses/format';
import { formatMoney } from '../shop/money';
import { useIncomeStatements, useMarkHandled } from './queries';
import './daycare.css';

function StatementEntry({ statement, slug }: { statement: FinanceStatement; slug: string }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const mark = useMarkHandled(slug);
  return (
    <li className="daycare-child">
      <Heading variant="h3" as="h3">
        {statement.submittedBy}
      </Heading>
      <p>{formatDateTimeLong(statement.submittedAt, language)}</p>
      {statement.email && <p>{statement.email}</p>}
      {statement.children.length > 0 && (
        <p>{t('finance.children', { names: statement.children.join(', ') })}</p>
      )}
      {statement.acceptsHighestFee ? (
        <p>{t('fees.acceptedHighest')}</p>
      ) : (
        <p>
          {statement.incomesCents.map((c) => formatMoney(c, language)).join(' + ')} ={' '}
          {formatMoney(statement.totalIncomeCents, language)}
        </p>
      )}
      {statement.attachment && (
        <p>
          <a href={incomeAttachmentUrl(slug, statement.id)} target="_blank" rel="noreferrer">
            {t('fees.openAttachment', { name: statement.attachment.name })}
          </a>
        </p>
      )}
      {statement.handledAt ? (
        <p>
          {t('finance.handledBy', {
            who: statement.handledBy ?? '',
            when: formatDateTimeLong(statement.handledAt, language),
          })}
        </p>
      ) : (
        <Button
          variant="secondary"
          disabled={mark.isPending}
          onClick={() => mark.mutate(statement.id)}
          aria-label={t('finance.markHandledFor', { who: statement.submittedBy })}
        >
          {t('finance.markHandled')}
        </Button>
      )}
      {mark.isError && <ErrorAlert error={mark.error} />}
    </li>
  );
}

/** The finance staff's page: the submitted income statements, their attachments, handled. */
export function IncomeStatementsPage() {
  const { t } = useTranslation('daycare');
  const { slug } = useMunicipality();
  const [status, setStatus] = useState<'open' | 'handled'>('open');
  const list = useIncomeStatements(slug, status);
  usePageTitle(t('finance.title'));
  return (
    <div className="page daycare">
      <Heading variant="h1" mb="s">
        {t('finance.title')}
      </Heading>
      <Paragraph mb="m">{t('finance.intro')}</Paragraph>
      <RadioButtonGroup
        className="fee-status-choice"
        labelText={t('finance.show')}
        name="statement-status"
        value={status}
        onChange={(value) => setStatus(value === 'handled' ? 'handled' : 'open')}
      >
        <RadioButton value="open">{t('finance.open')}</RadioButton>
        <RadioButton value="handled">{t('finance.handled')}</RadioButton>
      </RadioButtonGroup>
      <section aria-labelledby="statements-heading" className="form-section">
        <Heading variant="h2" id="statements-heading" mb="s">
          {status === 'open' ? t('finance.open') : t('finance.handled')}
        </Heading>
        {list.isPending && <Loading text={t('loading')} />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && list.data.items.length === 0 && <Paragraph>{t('finance.none')}</Paragraph>}
        {list.data && list.data.items.length > 0 && (
          <ul className="daycare-children">
            {list.data.items.map((s) => (
              <StatementEntry key={s.id} statement={s} slug={slug} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
