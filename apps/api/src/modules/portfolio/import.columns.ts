/**
 * The columns of the portfolio spreadsheet: what the import understands and the export
 * writes. The export writes the Finnish headers below, so its file imports again as is.
 */

export const IMPORT_FIELDS = [
  'title',
  'problem',
  'proposal',
  'targetGroups',
  'departments',
  'themes',
  'stage',
  'owner',
  'timeboxDays',
  'goal',
  'results',
  'decisionDate',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Export-only columns: the import recognises and skips them, so a round trip maps cleanly. */
export const EXPORT_ONLY = ['supports', 'timeboxState', 'dueDate'] as const;

export const LIST_FIELDS: readonly ImportField[] = ['targetGroups', 'departments', 'themes'];

/** The header the export writes for each column (the first alias). */
export const HEADERS: Record<ImportField | (typeof EXPORT_ONLY)[number], string[]> = {
  title: ['otsikko', 'title', 'rubrik', 'nimi', 'name', 'idea', 'titel'],
  problem: ['ongelma', 'problem', 'tarve', 'behov'],
  proposal: ['ehdotus', 'proposal', 'förslag', 'ratkaisu', 'solution'],
  targetGroups: ['kohderyhmät', 'kohderyhmä', 'målgrupper', 'målgrupp', 'target groups'],
  departments: [
    'toimialat',
    'toimiala',
    'departments',
    'department',
    'sektorer',
    'sektor',
    'avdelningar',
  ],
  themes: ['teemat', 'teema', 'themes', 'theme', 'teman', 'tema'],
  stage: ['vaihe', 'stage', 'skede', 'fas', 'status', 'tila'],
  owner: [
    'vastuuhenkilö',
    'vastuuhenkilön sähköposti',
    'owner',
    'owner email',
    'ansvarsperson',
    'ansvarig',
    'omistaja',
  ],
  timeboxDays: ['aikaraja päivinä', 'aikaraja', 'kesto', 'timebox', 'timebox days', 'tidsram'],
  goal: ['tavoite', 'goal', 'mål'],
  results: ['tulokset', 'results', 'resultat', 'mitatut tulokset'],
  decisionDate: ['päätöspäivä', 'päätetty', 'decision date', 'beslutsdatum', 'beslutsdag'],
  supports: ['kannatukset', 'supports', 'stöd'],
  timeboxState: ['aikarajan tila', 'timebox state', 'tidsramens läge'],
  dueDate: ['määräpäivä', 'due date', 'förfallodag'],
};

/** "Vastuuhenkilö (sähköposti)", " OWNER_EMAIL " and "owner-email" all read as the same. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/\(([^)]*)\)/g, ' $1 ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const byAlias = new Map<string, ImportField | null>();
for (const [field, aliases] of Object.entries(HEADERS)) {
  const target = (IMPORT_FIELDS as readonly string[]).includes(field)
    ? (field as ImportField)
    : null;
  for (const alias of aliases) byAlias.set(normaliseHeader(alias), target);
}

/** The proposed field of each column; null = not imported. A field is given to one column. */
export function proposeMapping(headers: string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const name = normaliseHeader(header);
    let field = byAlias.get(name) ?? null;
    // "Vastuuhenkilö sähköposti", "Teemat (pilkuin)": the first words are enough.
    if (!field && !byAlias.has(name)) {
      for (const [alias, target] of byAlias)
        if (target && name.startsWith(`${alias} `)) {
          field = target;
          break;
        }
    }
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** A list cell: "liikunta, nuoret; kirjasto" → three tags, each once. */
export function splitList(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/[,;\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** A date as the team writes it: 2026-03-14, 14.3.2026 or 14.3.26. Null when unreadable. */
export function parseDate(cell: string): string | null {
  const text = cell.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const fin = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (fin) {
    [d, m, y] = [Number(fin[1]), Number(fin[2]), Number(fin[3])];
    if (y < 100) y += 2000;
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}
