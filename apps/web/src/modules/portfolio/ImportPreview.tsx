import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import { useStageName } from './StageName';
import type { ImportField, ImportMapping, ImportPreview as Preview } from './importApi';

/** The column choices: one labelled native select per column of the file. */
export function ImportMappingForm({
  preview,
  mapping,
  onChange,
}: {
  preview: Preview;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation('portfolioImport');
  return (
    <fieldset className="import-mapping">
      <legend>{t('mapping.legend')}</legend>
      <p>{t('mapping.hint')}</p>
      {preview.headers.map((header, column) => (
        <div key={column} className="import-mapping__row">
          <label htmlFor={`import-column-${column}`}>
            {header || t('mapping.unnamed', { n: column + 1 })}
          </label>
          <select
            id={`import-column-${column}`}
            value={mapping[column] ?? ''}
            onChange={(event) => {
              const next = [...mapping];
              next[column] = (event.target.value || null) as ImportField | null;
              onChange(next);
            }}
          >
            <option value="">{t('mapping.skip')}</option>
            {preview.fields.map((field) => (
              <option key={field} value={field}>
                {t(`field.${field}`)}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}

/** Every row with its result: what would be imported, or why the row fails. */
export function ImportRows({ preview }: { preview: Preview }) {
  const { t } = useTranslation('portfolioImport');
  const stageName = useStageName();
  return (
    <section aria-labelledby="import-rows-heading">
      <Heading variant="h2" id="import-rows-heading" mb="s">
        {t('rows.heading')}
      </Heading>
      <p role="status">
        {preview.errorRowCount === 0
          ? t('rows.allGood', { count: preview.rowCount })
          : t('rows.someBad', { count: preview.rowCount, bad: preview.errorRowCount })}
      </p>
      <ol className="import-rows">
        {preview.rows.map((row) => {
          const bad = row.errors.length > 0;
          return (
            <li
              key={row.line}
              className={bad ? 'import-row import-row--bad' : 'import-row'}
              data-line={row.line}
            >
              <p className="import-row__title">
                <span>{t('rows.line', { line: row.line })}</span>{' '}
                <strong>{row.title || t('rows.noTitle')}</strong>
              </p>
              {bad ? (
                <>
                  <p className="import-row__status">{t('rows.fails')}</p>
                  <ul>
                    {row.errors.map((error, i) => (
                      <li key={i}>
                        {error.field ? `${t(`field.${error.field}`)}: ` : ''}
                        {error.message}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="import-row__status">
                  {t('rows.ok', { stage: stageName(row.stage) })}
                  {row.ownerEmail ? ` · ${row.ownerEmail}` : ''}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
