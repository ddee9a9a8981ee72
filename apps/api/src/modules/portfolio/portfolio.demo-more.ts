import type { DemoIdea } from './portfolio.demo-ideas.js';

/** More of Tyrskylä's demo ideas, fresh ones waiting for screening (seed 001's workshop). */
const A = 'asukas@tyrskyla.example';
const H = 'huoltaja@tyrskyla.example';
const V = 'varhaiskasvatus@tyrskyla.example';
const T = 'tilat@tyrskyla.example';

/** A demo idea of the usual shape: for residents, in stage idea or screening. */
export const idea = (
  key: string,
  title: string,
  problem: string,
  proposal: string,
  themes: string[],
  departments: string[],
  by: string,
  age: number,
  stage: 'idea' | 'screening',
  supporters: string[],
): DemoIdea => ({
  key,
  title,
  problem,
  proposal,
  themes,
  departments,
  targetGroups: ['asukkaat'],
  by,
  age,
  stage,
  supporters,
});

export const MORE_DEMO_IDEAS: DemoIdea[] = [
  idea(
    'fund',
    'Mitä tekisit 10 000 eurolla?',
    'Hyvät ideat jäävät toteutumatta, koska rahaa ei saa nopeasti.',
    'Kevyt kokeilurahoitus: hakemus yhdellä sivulla, päätös viikossa.',
    ['kokeilukulttuuri'],
    ['Hallinto'],
    V,
    8,
    'screening',
    [A, H, T],
  ),
  idea(
    'bus',
    'Palvelubussin aikataulu puhelimeen',
    'Palvelubussin reitti muuttuu, eikä siitä kerrota ajoissa.',
    'Reitti ja pysäkkiajat verkkoon ja ilmoitus muutoksista.',
    ['liikenne'],
    ['Tekniset palvelut'],
    A,
    5,
    'idea',
    [A],
  ),
  idea(
    'tools',
    'Lainattavat työkalut kirjastosta',
    'Harvoin tarvittavia työkaluja ostetaan joka kotiin.',
    'Porakone, peräkärry ja lumikengät lainaan kirjastokortilla.',
    ['kirjasto', 'kiertotalous'],
    ['Sivistyspalvelut'],
    H,
    4,
    'idea',
    [H, A],
  ),
  idea(
    'youth',
    'Nuorten oma budjetti',
    'Nuoret eivät koe voivansa vaikuttaa kunnan asioihin.',
    'Nuorisovaltuusto päättää 5 000 euron käytöstä verkkoäänestyksellä.',
    ['osallisuus', 'nuoret'],
    ['Sivistyspalvelut'],
    V,
    2,
    'idea',
    [],
  ),
  idea(
    'feedback',
    'Palaute kunnalle kuvan kanssa',
    'Rikkinäisestä katuvalosta on vaikea kertoa oikealle ihmiselle.',
    'Kuva ja sijainti puhelimella, vastaus näkyy kaikille.',
    ['asiointi'],
    ['Tekniset palvelut'],
    A,
    1,
    'idea',
    [A, H],
  ),
  idea(
    'mentors',
    'Digikummit työpaikoille',
    'Osa henkilöstöstä ei uskalla kokeilla uusia välineitä.',
    'Jokaiseen yksikköön digikummi, joka auttaa 15 minuutin tuokioissa.',
    ['digiosallisuus'],
    ['Hallinto'],
    T,
    14,
    'screening',
    [V],
  ),
];
