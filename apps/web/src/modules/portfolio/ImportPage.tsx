import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { ApiError } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { ImportMappingForm, ImportRows } from './ImportPreview';
import {
  exportUrl,
  importApi,
  readBase64,
  type ImportMapping,
  type ImportPreview,
} from './importApi';
import { usePortfolioMutation } from './queries';
import './portfolio.css';
import './ImportPage.css';

const MAX_BYTES = 5 * 1024 * 1024;

interface Loaded {
  fileName: string;
  dataBase64: string;
}

/**
 * The digital team imports its old spreadsheet: choose the file, check the proposed columns
 * and every row's result, then import all rows at once (or none, if any row fails).
 */
export function ImportPage() {
  const { t } = useTranslation('portfolioImport');
  const { slug } = useMunicipality();
  usePageTitle(t('title'));
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const [imported, setImported] = useState<number | null>(null);

  const previewCall = usePortfolioMutation(slug, (body: Loaded & { mapping?: ImportMapping }) =>
    importApi.preview(slug, body),
  );
  const commitCall = usePortfolioMutation(slug, (body: Loaded & { mapping: ImportMapping }) =>
    importApi.commit(slug, body),
  );

  const runPreview = async (file: Loaded, chosen?: ImportMapping) => {
    commitCall.reset();
    const result = await previewCall.mutateAsync({ ...file, mapping: chosen }).catch(() => null);
    if (!result) return;
    setPreview(result);
    setMapping(result.mapping);
  };

  const chooseFile = async (file: File | undefined) => {
    setImported(null);
    setPreview(null);
    setLoaded(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError(t('file.tooLarge'));
      return;
    }
    setFileError(null);
    const next = { fileName: file.name, dataBase64: await readBase64(file) };
    setLoaded(next);
    await runPreview(next);
  };

  const changeMapping = (next: ImportMapping) => {
    setMapping(next);
    if (loaded) void runPreview(loaded, next);
  };

  const commit = async () => {
    if (!loaded) return;
    const result = await commitCall.mutateAsync({ ...loaded, mapping }).catch(() => null);
    if (!result) return;
    setImported(result.imported);
    setPreview(null);
    setLoaded(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const refused =
    commitCall.error instanceof ApiError ? commitCall.error.problem.errors : undefined;
  const canImport = preview !== null && preview.errorRowCount === 0 && preview.rowCount > 0;

  return (
    <div className="page portfolio portfolio-import">
      <p>
        <Link to={`/${slug}/portfolio`}>{t('back')}</Link>
      </p>
      <Heading variant="h1" mb="s">
        {t('title')}
      </Heading>
      <Paragraph mb="m">{t('intro')}</Paragraph>

      <section aria-labelledby="export-heading" className="import-export">
        <Heading variant="h2" id="export-heading" mb="xs">
          {t('export.heading')}
        </Heading>
        <p>{t('export.hint')}</p>
        <p className="import-export__links">
          <a href={exportUrl(slug, 'csv')} download>
            {t('export.csv')}
          </a>
          <a href={exportUrl(slug, 'xlsx')} download>
            {t('export.xlsx')}
          </a>
        </p>
      </section>

      {imported !== null && <SuccessAlert>{t('done', { count: imported })}</SuccessAlert>}

      <div className="import-file">
        <label htmlFor="import-file">{t('file.label')}</label>
        <p id="import-file-hint">{t('file.hint')}</p>
        <input
          id="import-file"
          ref={fileRef}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
          aria-invalid={fileError ? true : undefined}
          onChange={(event) => void chooseFile(event.target.files?.[0])}
        />
        {fileError && (
          <p id="import-file-error" className="import-file__error">
            {fileError}
          </p>
        )}
      </div>

      {previewCall.isError && <ErrorAlert error={previewCall.error} />}
      {previewCall.isPending && <p role="status">{t('reading')}</p>}

      {preview && (
        <>
          <ImportMappingForm preview={preview} mapping={mapping} onChange={changeMapping} />
          <ImportRows preview={preview} />
          {commitCall.isError && <ErrorAlert error={commitCall.error} />}
          {refused && refused.length > 0 && (
            <ul className="import-refused">
              {refused.map((e, i) => {
                const line = /^rows\.(\d+)\./.exec(e.field)?.[1];
                return (
                  <li key={i}>
                    {line ? `${t('rows.line', { line })}: ` : ''}
                    {e.message}
                  </li>
                );
              })}
            </ul>
          )}
          <p id="import-commit-hint">{canImport ? t('commit.ready') : t('commit.blocked')}</p>
          <Button
            onClick={() => void commit()}
            disabled={!canImport || commitCall.isPending || previewCall.isPending}
            aria-describedby="import-commit-hint"
          >
            {t('commit.button', { count: preview.rowCount })}
          </Button>
        </>
      )}
    </div>
  );
}
