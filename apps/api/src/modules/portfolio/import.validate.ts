import { translate, type Language } from '../../platform/i18n/messages.js';
import { LIST_FIELDS, parseDate, splitList, type ImportField } from './import.columns.js';
import { missingFields, type Stage } from './stages.js';

/** Checking every row of an import against the rules an idea entered by hand must meet. */

export interface RowError {
  field: ImportField | null;
  code: string;
  message: string;
}

export interface ParsedIdea {
  title: string;
  problem: string;
  proposal: string;
  targetGroups: string[];
  departments: string[];
  themes: string[];
  stage: string;
  ownerId: string | null;
  ownerEmail: string;
  timeboxDays: 21 | 105 | null;
  goal: string;
  results: string;
  decisionDate: string | null;
}

export interface RowResult {
  /** The line in the spreadsheet (the header is line 1), as the user sees it in Excel. */
  line: number;
  idea: ParsedIdea;
  errors: RowError[];
}

export interface Lookups {
  language: Language;
  stages: Stage[];
  /** Lower-case email → person id, for people with a role in this municipality. */
  members: Map<string, string>;
  /** Lower-case titles of the ideas already in the portfolio. */
  existingTitles: Set<string>;
}

const LIMITS: Partial<Record<ImportField, number>> = {
  title: 200,
  problem: 5000,
  proposal: 5000,
  goal: 2000,
  results: 5000,
};

/** A stage cell may be the key ("experiment") or its name in any language ("Kokeilu"). */
function findStageByCell(stages: Stage[], cell: string): Stage | undefined {
  const text = cell.trim().toLowerCase();
  return stages.find(
    (s) => s.key === text || Object.values(s.name).some((name) => name.toLowerCase() === text),
  );
}

export function validateRows(
  rows: string[][],
  mapping: (ImportField | null)[],
  lookups: Lookups,
): RowResult[] {
  const { language, stages } = lookups;
  const seenTitles = new Map<string, number>();
  const err = (
    field: ImportField | null,
    code: string,
    params: Record<string, string | number> = {},
  ) => ({
    field,
    code,
    message: translate(language, `portfolioImport.${code}`, params),
  });
  return rows.map((cells, index) => {
    const line = index + 2;
    const cell = (field: ImportField) => {
      const column = mapping.indexOf(field);
      return column < 0 ? '' : (cells[column] ?? '').trim();
    };
    const errors: RowError[] = [];
    for (const [field, max] of Object.entries(LIMITS) as [ImportField, number][]) {
      if (cell(field).length > max) errors.push(err(field, 'tooLong', { max }));
    }
    for (const field of LIST_FIELDS) {
      if (splitList(cell(field)).length > 20) errors.push(err(field, 'tooManyTags', { max: 20 }));
    }
    const title = cell('title');
    if (title.length === 0) errors.push(err('title', 'titleMissing'));
    else if (title.length < 3) errors.push(err('title', 'titleTooShort'));
    const key = title.toLowerCase();
    if (title && lookups.existingTitles.has(key)) errors.push(err('title', 'duplicateExisting'));
    else if (title && seenTitles.has(key))
      errors.push(err('title', 'duplicateInFile', { line: seenTitles.get(key)! }));
    if (title && !seenTitles.has(key)) seenTitles.set(key, line);

    const stageCell = cell('stage');
    const stage = stageCell ? findStageByCell(stages, stageCell) : stages[0];
    if (!stage) errors.push(err('stage', 'unknownStage', { stage: stageCell }));

    const ownerEmail = cell('owner').toLowerCase();
    const ownerId = ownerEmail ? (lookups.members.get(ownerEmail) ?? null) : null;
    if (ownerEmail && !ownerId) errors.push(err('owner', 'ownerUnknown', { email: ownerEmail }));

    const timeboxCell = cell('timeboxDays').replace(/\s*(pv|päivää|days|dagar|d)$/i, '');
    const timeboxDays = timeboxCell === '' ? null : Number(timeboxCell);
    if (timeboxDays !== null && timeboxDays !== 21 && timeboxDays !== 105)
      errors.push(err('timeboxDays', 'timeboxInvalid', { value: cell('timeboxDays') }));

    const dateCell = cell('decisionDate');
    const decisionDate = dateCell ? parseDate(dateCell) : null;
    if (dateCell && !decisionDate)
      errors.push(err('decisionDate', 'dateInvalid', { value: dateCell }));

    const idea: ParsedIdea = {
      title,
      // An old sheet may only have a title: the idea still needs a problem and a proposal,
      // so the title stands in for them rather than refusing the row.
      problem: cell('problem') || title,
      proposal: cell('proposal') || title,
      targetGroups: splitList(cell('targetGroups')),
      departments: splitList(cell('departments')),
      themes: splitList(cell('themes')),
      stage: stage?.key ?? stageCell,
      ownerId,
      ownerEmail,
      timeboxDays: timeboxDays === 21 || timeboxDays === 105 ? timeboxDays : null,
      goal: cell('goal'),
      results: cell('results'),
      decisionDate,
    };
    if (stage && !(ownerEmail && !ownerId)) {
      const missing = missingFields(stage, {
        owner_id: ownerId,
        timebox_days: idea.timeboxDays,
        goal: idea.goal,
        results: idea.results,
      });
      if (missing.length > 0)
        errors.push(
          err('stage', 'stageRequires', {
            stage: stage.name[language],
            fields: missing.map((f) => translate(language, `portfolio.field.${f}`)).join(', '),
          }),
        );
    }
    return { line, idea, errors };
  });
}
