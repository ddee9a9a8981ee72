/**
 * Tyrskylä's demo ideas, after the seeds: the digital team's first ideas (aihiot) from staff
 * and residents, in every stage of the pipeline. `age` is how many days ago it was submitted.
 */
export interface DemoIdea {
  key: string;
  title: string;
  problem: string;
  proposal: string;
  themes: string[];
  departments: string[];
  targetGroups: string[];
  by: string;
  age: number;
  stage: string;
  owner?: string;
  timebox?: 21 | 105;
  goal?: string;
  results?: string;
  /** An experiment decided outside the demo round: how many days ago. */
  decidedAgo?: number;
  supporters: string[];
}

const A = 'asukas@tyrskyla.example';
const H = 'huoltaja@tyrskyla.example';
const D = 'digiryhma@tyrskyla.example';
const T = 'tilat@tyrskyla.example';
const V = 'varhaiskasvatus@tyrskyla.example';
const M = 'admin@tyrskyla.example';

export const DEMO_IDEAS: DemoIdea[] = [
  {
    key: 'chat',
    title: 'Chat-neuvonta kunnan verkkosivuille',
    problem: 'Kirjaamon puhelin on ruuhkainen, ja samat kysymykset toistuvat.',
    proposal: 'Kokeillaan chat-neuvontaa arkisin kello 9–15 kolmen viikon ajan.',
    themes: ['asiointi'],
    departments: ['Hallinto'],
    targetGroups: ['asukkaat', 'yrittäjät'],
    by: T,
    age: 45,
    stage: 'experiment',
    owner: T,
    timebox: 21,
    goal: 'Puolet tavallisista kysymyksistä hoituu chatissa.',
    decidedAgo: 30,
    supporters: [A, H],
  },
  {
    key: 'rooms',
    title: 'Kirjaston kokoustilat varattaviksi verkossa',
    problem: 'Kokoustilan varaaminen vaatii soiton kirjastoon aukioloaikana.',
    proposal: 'Avataan kirjaston kaksi kokoustilaa Helppo-varaukseen ovikoodilla.',
    themes: ['tilat', 'kirjasto'],
    departments: ['Sivistyspalvelut', 'Tekniset palvelut'],
    targetGroups: ['yhdistykset', 'asukkaat'],
    by: A,
    age: 40,
    stage: 'screening',
    supporters: [A, H, M],
  },
  {
    key: 'tablets',
    title: 'Koululaisten tabletit myös kotiin',
    problem:
      'Tabletit ovat koulussa lukossa iltaisin, vaikka niillä voisi tehdä läksyjä ja kuvata.',
    proposal: 'Kokeillaan yhdessä kyläkoulussa, että oppilaat vievät tabletit kotiin.',
    themes: ['koulu', 'digiosallisuus'],
    departments: ['Sivistyspalvelut'],
    targetGroups: ['koululaiset', 'perheet'],
    by: V,
    age: 38,
    stage: 'screening',
    supporters: [H, A],
  },
  {
    key: 'video',
    title: 'Päättäjähaastattelu videona jokaisen kokouksen jälkeen',
    problem: 'Kuntalaiset eivät tiedä, mitä hallituksessa päätettiin, ennen kuin pöytäkirja tulee.',
    proposal: 'Lyhyt kännykkävideo: mikä oli paras juttu tänään? Julkaistaan samana iltana.',
    themes: ['viestintä', 'osallisuus'],
    departments: ['Hallinto'],
    targetGroups: ['asukkaat'],
    by: D,
    age: 120,
    stage: 'adopted',
    owner: D,
    timebox: 21,
    goal: 'Video jokaisesta kokouksesta saman päivän aikana.',
    results: 'Kahdeksan videota 21 päivässä, keskimäärin 340 katselua. Jatkuu pysyvänä käytäntönä.',
    supporters: [A, H, T, V],
  },
  {
    key: 'sauna',
    title: 'Rantasaunan omatoimivuorot ovikoodilla',
    problem: 'Saunan avaaminen vaatii vahtimestarin paikalle joka vuorolle.',
    proposal: 'Varaus verkossa, maksu heti ja ovikoodi viestinä.',
    themes: ['tilat', 'liikunta'],
    departments: ['Tekniset palvelut'],
    targetGroups: ['asukkaat', 'yhdistykset'],
    by: T,
    age: 90,
    stage: 'adopted',
    owner: T,
    timebox: 21,
    goal: 'Puolet vuoroista varataan omatoimisesti ja vahtimestarin käynnit puolittuvat.',
    results: 'Varatut vuorot 14 → 46 kuukaudessa; avaimia ei enää luovuteta.',
    supporters: [A, H],
  },
  {
    key: 'digisupport',
    title: 'Digituki-ilta kirjastossa ikäihmisille',
    problem: 'Moni ikäihminen ei osaa käyttää verkkopankkitunnuksia kunnan palveluissa.',
    proposal: 'Joka toinen tiistai digitukihenkilö ja nuoret vapaaehtoiset kirjastolla.',
    themes: ['digiosallisuus', 'ikäihmiset'],
    departments: ['Sivistyspalvelut', 'Sosiaalipalvelut'],
    targetGroups: ['ikäihmiset'],
    by: A,
    age: 75,
    stage: 'evaluation',
    owner: D,
    timebox: 21,
    goal: 'Kymmenen kävijää joka illassa.',
    supporters: [A, V, M],
  },
  {
    key: 'snow',
    title: 'Lumitöiden tilanne kartalle',
    problem: 'Kukaan ei tiedä, milloin oman kylän tie aurataan.',
    proposal: 'Aurauskaluston reitit ja ajankohdat julkiselle kartalle.',
    themes: ['liikenne', 'avoin data'],
    departments: ['Tekniset palvelut'],
    targetGroups: ['asukkaat'],
    by: H,
    age: 20,
    stage: 'screening',
    supporters: [H, A],
  },
  {
    key: 'menu',
    title: 'Kyläkoulujen ruokalista verkkoon ja sovellukseen',
    problem: 'Ruokalista on PDF, jota ei saa puhelimella luettua.',
    proposal: 'Ruokalista avoimena datana ja Helppoon, allergeenit merkittynä.',
    themes: ['koulu', 'avoin data'],
    departments: ['Sivistyspalvelut'],
    targetGroups: ['perheet', 'koululaiset'],
    by: H,
    age: 12,
    stage: 'idea',
    supporters: [H],
  },
  {
    key: 'entrepreneurs',
    title: 'Yrittäjien palautekanava kunnalle',
    problem: 'Yrittäjät eivät tiedä, kenelle kunnassa kertoa lupa-asioiden ongelmista.',
    proposal: 'Yksi lomake, jonka digiryhmä ohjaa oikealle toimialalle viikon sisällä.',
    themes: ['elinvoima'],
    departments: ['Elinvoimapalvelut'],
    targetGroups: ['yrittäjät'],
    by: A,
    age: 9,
    stage: 'idea',
    supporters: [],
  },
  {
    key: 'slots',
    title: 'Liikuntasalien vapaat vuorot näkyviin',
    problem: 'Salit seisovat tyhjinä, koska vapaita vuoroja ei näe mistään.',
    proposal: 'Vapaat vuorot julkiseen kalenteriin ja varattaviksi viikkoa ennen.',
    themes: ['tilat', 'liikunta'],
    departments: ['Sivistyspalvelut'],
    targetGroups: ['yhdistykset', 'nuoret'],
    by: H,
    age: 6,
    stage: 'idea',
    supporters: [H, A, M],
  },
  {
    key: 'panel',
    title: 'Kuntalaisraati verkossa',
    problem: 'Samat kymmenen ihmistä tulevat jokaiseen asukasiltaan.',
    proposal: 'Satunnaisesti arvottu raati, joka kokoontuu verkossa neljä kertaa vuodessa.',
    themes: ['osallisuus'],
    departments: ['Hallinto'],
    targetGroups: ['asukkaat'],
    by: A,
    age: 3,
    stage: 'idea',
    supporters: [A],
  },
  {
    key: 'absence',
    title: 'Päiväkodin poissaoloilmoitus puhelimella',
    problem: 'Vanhemmat soittavat aamuisin ryhmiin, ja puhelu katkaisee aamupiirin.',
    proposal: 'Poissaolo ilmoitetaan sovelluksessa ennen yhdeksää, henkilöstö saa ilmoituksen.',
    themes: ['varhaiskasvatus'],
    departments: ['Varhaiskasvatus'],
    targetGroups: ['perheet'],
    by: V,
    age: 200,
    stage: 'adopted',
    owner: V,
    timebox: 105,
    goal: 'Puolet poissaoloista ilmoitetaan sovelluksessa.',
    results: '82 % poissaoloista ilmoitettiin sovelluksessa; aamupuhelut lähes loppuivat.',
    supporters: [H, M, A],
  },
  {
    key: 'forms',
    title: 'Paperilomakkeiden karsinta',
    problem: 'Kunnalla on yli sata paperilomaketta, joista osaa ei käytä kukaan.',
    proposal: 'Käydään lomakkeet läpi ja korvataan viisi käytetyintä verkkolomakkeella.',
    themes: ['hallinto'],
    departments: ['Hallinto'],
    targetGroups: ['henkilöstö'],
    by: D,
    age: 60,
    stage: 'screening',
    supporters: [T],
  },
  {
    key: 'drone',
    title: 'Drone-kuvaus kunnan tapahtumista',
    problem: 'Tapahtumista ei ole hyviä kuvia markkinointiin.',
    proposal: 'Hankitaan drone ja koulutetaan kaksi kuvaajaa.',
    themes: ['viestintä'],
    departments: ['Elinvoimapalvelut'],
    targetGroups: ['matkailijat'],
    by: T,
    age: 55,
    stage: 'screening',
    supporters: [],
  },
  {
    key: 'walk',
    title: 'Hyvinvointikävely kunnanjohtajan kanssa',
    problem: 'Asukkaat eivät tapaa päättäjiä muualla kuin virallisissa tilaisuuksissa.',
    proposal: 'Kerran kuussa avoin kävelylenkki kunnanjohtajan kanssa, ilmoittautuminen verkossa.',
    themes: ['osallisuus', 'liikunta'],
    departments: ['Hallinto'],
    targetGroups: ['asukkaat'],
    by: A,
    age: 30,
    stage: 'screening',
    supporters: [A, H, V, T],
  },
];

/** The demo round (held ten days ago): what it decided on each idea and why. */
export const DEMO_DECISIONS: {
  key: string;
  decision: 'go' | 'wait' | 'no';
  reason: string;
  owner?: string;
  timebox?: 21 | 105;
  scores: [number, number, number, number];
}[] = [
  {
    key: 'rooms',
    decision: 'go',
    reason: 'Nopea ja halpa: ovet ja varaus ovat jo Helpossa.',
    owner: T,
    timebox: 21,
    scores: [4, 5, 5, 4],
  },
  {
    key: 'tablets',
    decision: 'go',
    reason: 'Iso hyöty perheille; vaatii sopimukset, siksi 105 päivää.',
    owner: D,
    timebox: 105,
    scores: [5, 2, 3, 5],
  },
  {
    key: 'walk',
    decision: 'go',
    reason: 'Ei maksa mitään ja näkyy heti.',
    owner: D,
    timebox: 21,
    scores: [4, 5, 5, 3],
  },
  {
    key: 'forms',
    decision: 'wait',
    reason: 'Hyvä, mutta odottaa lomakepalvelun kilpailutusta keväällä.',
    scores: [3, 2, 3, 4],
  },
  {
    key: 'drone',
    decision: 'no',
    reason: 'Hyöty asukkaille pieni; kuvia saadaan yhteistyöllä kuvaajien kanssa.',
    scores: [1, 3, 2, 1],
  },
];
