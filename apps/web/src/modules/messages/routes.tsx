import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router-dom';
import { SignedInOnly } from '../shop/SignedInOnly';

const page = (load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: await load() }));

const MessagesPage = page(() => import('./MessagesPage').then((m) => m.MessagesPage));
const ThreadPage = page(() => import('./ThreadPage').then((m) => m.ThreadPage));

const el = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={null}>
    <Page />
  </Suspense>
);

/** The daycare messages: the list (emails and reminders link to a thread). */
export const messageRoutes: RouteObject[] = [
  { path: 'messages', element: <SignedInOnly>{el(MessagesPage)}</SignedInOnly> },
  { path: 'messages/:threadId', element: <SignedInOnly>{el(ThreadPage)}</SignedInOnly> },
];
