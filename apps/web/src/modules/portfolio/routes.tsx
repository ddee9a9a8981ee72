import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router-dom';
import { SignedInOnly } from '../shop/SignedInOnly';
import { RoleOnly } from '../daycare/RoleOnly';

// The portfolio pages are loaded when someone opens them.
const page = (load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: await load() }));

const IdeasPage = page(() => import('./IdeasPage').then((m) => m.IdeasPage));
const IdeaPage = page(() => import('./IdeaPage').then((m) => m.IdeaPage));
const SubmitIdeaPage = page(() => import('./SubmitIdeaPage').then((m) => m.SubmitIdeaPage));
const RoundsPage = page(() => import('./RoundsPage').then((m) => m.RoundsPage));
const RoundPage = page(() => import('./RoundPage').then((m) => m.RoundPage));
const MinutesPage = page(() => import('./MinutesPage').then((m) => m.MinutesPage));
const OverduePage = page(() => import('./OverduePage').then((m) => m.OverduePage));
const JournalFeedPage = page(() => import('./JournalFeedPage').then((m) => m.JournalFeedPage));
const ImportPage = page(() => import('./ImportPage').then((m) => m.ImportPage));
const BoardPage = page(() => import('./BoardPage').then((m) => m.BoardPage));
const NumbersPage = page(() => import('./NumbersPage').then((m) => m.NumbersPage));

const el = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={null}>
    <Page />
  </Suspense>
);

/**
 * Routes below /:slug/: the public ideas and idea pages, the submit form (signed in), the
 * rounds (published minutes for everyone, the working view for the digital team).
 */
export const portfolioRoutes: RouteObject[] = [
  { path: 'portfolio', element: el(IdeasPage) },
  { path: 'portfolio/new', element: <SignedInOnly>{el(SubmitIdeaPage)}</SignedInOnly> },
  { path: 'portfolio/ideas/:ideaId', element: el(IdeaPage) },
  { path: 'portfolio/journal', element: el(JournalFeedPage) },
  { path: 'portfolio/rounds', element: el(RoundsPage) },
  {
    path: 'portfolio/rounds/:roundId',
    element: <RoleOnly roles={['digital_team', 'admin']}>{el(RoundPage)}</RoleOnly>,
  },
  { path: 'portfolio/rounds/:roundId/minutes', element: el(MinutesPage) },
  {
    path: 'portfolio/overdue',
    element: <RoleOnly roles={['digital_team', 'admin']}>{el(OverduePage)}</RoleOnly>,
  },
  {
    path: 'portfolio/board',
    element: <RoleOnly roles={['digital_team', 'admin']}>{el(BoardPage)}</RoleOnly>,
  },
  { path: 'portfolio/numbers', element: el(NumbersPage) },
  {
    path: 'portfolio/import',
    element: <RoleOnly roles={['digital_team', 'admin']}>{el(ImportPage)}</RoleOnly>,
  },
];
