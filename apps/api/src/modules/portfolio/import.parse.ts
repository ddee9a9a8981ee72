import ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors.js';

/** Reading the uploaded spreadsheet into rows of strings: CSV (; or ,) or XLSX. */

export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 2000;

export type Sheet = { headers: string[]; rows: string[][] };

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // a zip file

export async function readSheet(fileName: string, data: Buffer): Promise<Sheet> {
  if (data.length === 0) throw new AppError(422, 'portfolioImportEmpty');
  if (data.length > MAX_BYTES) throw new AppError(413, 'portfolioImportTooLarge');
  const xlsx = data.subarray(0, 4).equals(XLSX_MAGIC);
  if (/\.xlsx?$/i.test(fileName) && !xlsx) throw new AppError(422, 'portfolioImportFormat');
  const table = xlsx ? await readXlsx(data) : readCsv(data);
  // Rows with nothing in them (Excel leaves them at the end) are not rows.
  const [headerRow, ...rest] = table.filter((r) => r.some((c) => c.trim() !== ''));
  if (!headerRow) throw new AppError(422, 'portfolioImportEmpty');
  if (rest.length > MAX_ROWS) throw new AppError(422, 'portfolioImportTooManyRows');
  const width = headerRow.length;
  return {
    headers: headerRow.map((h) => h.trim()),
    rows: rest.map((r) => Array.from({ length: width }, (_, i) => unguard((r[i] ?? '').trim()))),
  };
}

/** The export writes '=… so Excel shows a formula-like text as text; read it back as it was. */
const unguard = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

function readCsv(data: Buffer): string[][] {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(data);
  // Latin-1 from an old Excel decodes to replacement characters: say so instead of guessing.
  if (text.includes('\uFFFD')) throw new AppError(422, 'portfolioImportEncoding');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Finnish Excel writes semicolons; the header line tells which one this file uses.
  const delimiter = count(firstLine, ';') >= count(firstLine, ',') ? ';' : ',';
  return parseCsv(text, delimiter);
}

const count = (line: string, ch: string) => line.split(ch).length - 1;

/** RFC 4180: quoted cells may hold the delimiter, newlines and doubled quotes. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

async function readXlsx(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(422, 'portfolioImportFormat');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(422, 'portfolioImportEmpty');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (rowNumber > MAX_ROWS + 50) return;
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(cellText(row.getCell(c).value));
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** A cell as text; a date cell becomes YYYY-MM-DD (Excel stores dates as numbers). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}
