import type { DEMO_DECISIONS, DemoIdea } from './portfolio.demo-ideas.js';
import { idea } from './portfolio.demo-more.js';

/**
 * Tyrskylä's portfolio before this autumn: nine more ideas (thirty in all), three of them
 * decided in the spring round held forty days ago — two wait for a better moment, one was
 * turned down — and six newer ones on their way to screening.
 */
const A = 'asukas@tyrskyla.example';
const H = 'huoltaja@tyrskyla.example';
const V = 'varhaiskasvatus@tyrskyla.example';
const T = 'tilat@tyrskyla.example';
const D = 'digiryhma@tyrskyla.example';

export const EARLIER_DEMO_IDEAS: DemoIdea[] = [
  idea(
    'library-lockers',
    'Kirjaston noutolokerot kauppaan',
    'Varatut kirjat voi hakea vain kirjaston aukioloaikana.',
    'Lokerikko lähikauppaan: varaus noudetaan koodilla milloin vain.',
    ['kirjasto', 'palvelut'],
    ['sivistys'],
    A,
    70,
    'screening',
    [H, V],
  ),
  idea(
    'drone-survey',
    'Lennokki kuntoarvioihin',
    'Kattojen ja siltojen tarkastus vaatii nostimen ja päivän työn.',
    'Kokeillaan lennokkikuvausta kiinteistöjen kuntoarvioissa.',
    ['kiinteistöt'],
    ['tekninen'],
    T,
    65,
    'screening',
    [D],
  ),
  idea(
    'app-for-all',
    'Kunnalle oma mobiilisovellus',
    'Palvelut ovat hajallaan eri sivustoilla.',
    'Rakennetaan kunnalle oma sovellus kaikille palveluille.',
    ['digipalvelut'],
    ['hallinto'],
    A,
    60,
    'screening',
    [],
  ),
  idea(
    'senior-video',
    'Videopuhelut kotihoidon iltakäynneille',
    'Iltakäynneillä tarkistetaan usein vain, että kaikki on hyvin.',
    'Osa iltakäynneistä videopuheluna asiakkaan suostumuksella.',
    ['hyvinvointi', 'digipalvelut'],
    ['sosiaali- ja terveys'],
    V,
    30,
    'screening',
    [H],
  ),
  idea(
    'school-wifi',
    'Koulun verkko iltakäyttöön',
    'Yhdistykset kokoontuvat kouluilla, mutta verkko on suljettu illalla.',
    'Vierasverkko auki iltaisin koulujen tilavarauksille.',
    ['tilat', 'digipalvelut'],
    ['sivistys', 'tekninen'],
    T,
    25,
    'idea',
    [A],
  ),
  idea(
    'repair-cafe',
    'Korjauskahvila nuorisotilalle',
    'Rikkinäiset laitteet päätyvät roskiin.',
    'Kerran kuussa korjauskahvila, jossa nuoret ja eläkeläiset korjaavat yhdessä.',
    ['kestävyys', 'osallisuus'],
    ['nuoriso'],
    H,
    18,
    'idea',
    [A, V],
  ),
  idea(
    'bench-qr',
    'Penkkien QR-koodit palautteelle',
    'Rikkinäisestä penkistä ei tiedä, minne ilmoittaa.',
    'QR-koodi jokaiseen penkkiin: ilmoitus menee suoraan oikealle tiimille.',
    ['palaute', 'ympäristö'],
    ['tekninen'],
    A,
    12,
    'idea',
    [],
  ),
  idea(
    'sign-language',
    'Viittomakielinen etäasiointi',
    'Viittomakielinen asukas tarvitsee tulkin jokaiseen asiointiin.',
    'Etäasiointi tulkkipalvelun kautta kunnan asiakaspalvelussa.',
    ['saavutettavuus'],
    ['hallinto'],
    V,
    6,
    'idea',
    [H],
  ),
  idea(
    'ice-report',
    'Jäätilanne yhteisesti kartalle',
    'Pilkkijät ja retkiluistelijat eivät tiedä, missä jää kantaa.',
    'Asukkaat ja pelastuslaitos merkitsevät jäähavainnot samalle kartalle.',
    ['turvallisuus', 'ympäristö'],
    ['tekninen'],
    H,
    3,
    'idea',
    [],
  ),
];

/** The spring round's decisions (scores in the criteria order: benefit, effort, cost, fit). */
export const EARLIER_DECISIONS: typeof DEMO_DECISIONS = [
  {
    key: 'library-lockers',
    decision: 'wait',
    reason: 'Hyvä idea; odotetaan kaupan remonttia ensi vuonna.',
    scores: [4, 3, 3, 4],
  },
  {
    key: 'drone-survey',
    decision: 'wait',
    reason: 'Lennokkilupa ja koulutus ensin; palataan syksyllä.',
    scores: [3, 2, 3, 3],
  },
  {
    key: 'app-for-all',
    decision: 'no',
    reason: 'Oma sovellus on raskas ylläpitää; Helppo toimii jo puhelimessa.',
    scores: [3, 1, 1, 2],
  },
];
