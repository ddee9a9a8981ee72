/**
 * Tyrskylä's demo daycare families: 38 children with their guardians, besides the demo
 * guardian's Eino (pre-school group of Majakka) and Aino (Aallokko's afternoon club). The
 * Korhonens, too, have children in both units. Ages are in years (and days) on seeding day.
 */
export type DemoGroup = 'simpukat' | 'meritahdet' | 'laineet' | 'kotilot';

export interface DemoFamily {
  lastName: string;
  guardians: string[];
  language?: 'fi' | 'sv';
  children: [firstName: string, years: number, group: DemoGroup][];
}

export const DEMO_GROUPS: { key: DemoGroup; unit: 'majakka' | 'aallokko'; name: string }[] = [
  { key: 'simpukat', unit: 'majakka', name: 'Simpukat (1–3 v)' },
  { key: 'meritahdet', unit: 'majakka', name: 'Meritähdet (esiopetus)' },
  { key: 'laineet', unit: 'aallokko', name: 'Laineet (3–5 v)' },
  { key: 'kotilot', unit: 'aallokko', name: 'Kotilot (iltapäiväkerho)' },
];

export const DEMO_FAMILIES: DemoFamily[] = [
  {
    lastName: 'Korhonen',
    guardians: ['Mikko', 'Laura'],
    children: [
      ['Veeti', 2, 'simpukat'],
      ['Iida', 4, 'laineet'],
    ],
  },
  {
    lastName: 'Nieminen',
    guardians: ['Sari'],
    children: [
      ['Eetu', 1, 'simpukat'],
      ['Emma', 6, 'meritahdet'],
    ],
  },
  { lastName: 'Mäkinen', guardians: ['Jukka', 'Petra'], children: [['Oliver', 3, 'simpukat']] },
  {
    lastName: 'Hämäläinen',
    guardians: ['Tiina'],
    children: [
      ['Lilja', 2, 'simpukat'],
      ['Elias', 8, 'kotilot'],
    ],
  },
  { lastName: 'Laine', guardians: ['Antti', 'Minna'], children: [['Leo', 1, 'simpukat']] },
  { lastName: 'Heikkinen', guardians: ['Johanna'], children: [['Aada', 3, 'simpukat']] },
  {
    lastName: 'Koskinen',
    guardians: ['Ville', 'Heidi'],
    children: [
      ['Eevi', 2, 'simpukat'],
      ['Niilo', 5, 'laineet'],
    ],
  },
  { lastName: 'Järvinen', guardians: ['Kaisa'], children: [['Onni', 2, 'simpukat']] },
  { lastName: 'Lehtonen', guardians: ['Timo', 'Jenni'], children: [['Venla', 1, 'simpukat']] },
  {
    lastName: 'Lindholm',
    guardians: ['Johan', 'Sofia'],
    language: 'sv',
    children: [['Elsa', 3, 'simpukat']],
  },
  { lastName: 'Lehtinen', guardians: ['Marko'], children: [['Aleksi', 6, 'meritahdet']] },
  {
    lastName: 'Saarinen',
    guardians: ['Riikka', 'Jari'],
    children: [
      ['Helmi', 6, 'meritahdet'],
      ['Toivo', 9, 'kotilot'],
    ],
  },
  { lastName: 'Salminen', guardians: ['Noora'], children: [['Väinö', 6, 'meritahdet']] },
  {
    lastName: 'Heinonen',
    guardians: ['Pekka', 'Anu'],
    children: [
      ['Sofia', 6, 'meritahdet'],
      ['Lumi', 4, 'laineet'],
    ],
  },
  { lastName: 'Niemi', guardians: ['Hanna'], children: [['Eemil', 6, 'meritahdet']] },
  { lastName: 'Heikkilä', guardians: ['Tuomas'], children: [['Pihla', 5, 'meritahdet']] },
  { lastName: 'Kinnunen', guardians: ['Satu', 'Mika'], children: [['Hugo', 6, 'meritahdet']] },
  { lastName: 'Salonen', guardians: ['Elina'], children: [['Kerttu', 6, 'meritahdet']] },
  { lastName: 'Turunen', guardians: ['Katja'], children: [['Eelis', 4, 'laineet']] },
  { lastName: 'Tuominen', guardians: ['Jussi', 'Maria'], children: [['Alma', 3, 'laineet']] },
  { lastName: 'Rantanen', guardians: ['Olli'], children: [['Vilho', 5, 'laineet']] },
  { lastName: 'Karjalainen', guardians: ['Susanna'], children: [['Isla', 4, 'laineet']] },
  {
    lastName: 'Jokinen',
    guardians: ['Harri', 'Outi'],
    children: [
      ['Aarni', 3, 'laineet'],
      ['Siiri', 8, 'kotilot'],
    ],
  },
  { lastName: 'Mattila', guardians: ['Paula'], children: [['Luukas', 5, 'laineet']] },
  { lastName: 'Savolainen', guardians: ['Kimmo'], children: [['Stella', 4, 'laineet']] },
  { lastName: 'Lahtinen', guardians: ['Merja'], children: [['Otto', 7, 'kotilot']] },
  { lastName: 'Ahonen', guardians: ['Jarkko', 'Tanja'], children: [['Nella', 8, 'kotilot']] },
  {
    lastName: 'Berg',
    guardians: ['Mikael', 'Emilia'],
    language: 'sv',
    children: [['Alva', 7, 'kotilot']],
  },
  { lastName: 'Hiltunen', guardians: ['Sanna'], children: [['Daniel', 9, 'kotilot']] },
  { lastName: 'Miettinen', guardians: ['Risto'], children: [['Linnea', 7, 'kotilot']] },
  { lastName: 'Rautio', guardians: ['Anne'], children: [['Joel', 8, 'kotilot']] },
];

/** Absences already reported, by child: days after seeding (counted in open days) and why. */
export const DEMO_ABSENCES: {
  child: string;
  fromOpenDay: number;
  days: number;
  category: 'sick' | 'other' | 'holiday';
  note: string;
}[] = [
  { child: 'Lilja Hämäläinen', fromOpenDay: 0, days: 1, category: 'sick', note: 'Kuumetta yöllä.' },
  { child: 'Niilo Koskinen', fromOpenDay: 0, days: 2, category: 'sick', note: '' },
  { child: 'Helmi Saarinen', fromOpenDay: 0, days: 1, category: 'other', note: 'Mummolassa.' },
  { child: 'Toivo Saarinen', fromOpenDay: 3, days: 5, category: 'holiday', note: '' },
  { child: 'Aada Heikkinen', fromOpenDay: 2, days: 2, category: 'holiday', note: 'Mökillä.' },
];
