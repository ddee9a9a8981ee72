import { useSyncExternalStore } from 'react';
import { useSession } from '../platform/queries';
import { useMyOrganisations } from './queries';

/**
 * "Book and buy as": the person themselves (null) or an organisation they are a member of. The
 * choice is one for the whole tab, so that the booking form, the shop and the cart agree on
 * whose prices apply and whose cart things go into; it lasts for the browser tab's session.
 */
const storageKey = (slug: string) => `helppo.buyer.${slug}`;
const listeners = new Set<() => void>();

function read(slug: string): string | null {
  try {
    return window.sessionStorage.getItem(storageKey(slug));
  } catch {
    return memory.get(slug) ?? null;
  }
}

// Where storage is refused (private browsing), the choice lasts for the page load.
const memory = new Map<string, string | null>();

export function chooseBuyer(slug: string, organisationId: string | null) {
  memory.set(slug, organisationId);
  try {
    if (organisationId) window.sessionStorage.setItem(storageKey(slug), organisationId);
    else window.sessionStorage.removeItem(storageKey(slug));
  } catch {
    // kept in memory above
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The chosen buyer: an organisation's id, or undefined for oneself. A choice of an
 * organisation the person no longer belongs to (removed, deactivated, another account) falls
 * back to oneself.
 */
export function useBuyer(slug: string) {
  const session = useSession(slug);
  const signedIn = Boolean(session.data?.user);
  const organisations = useMyOrganisations(slug, signedIn);
  const stored = useSyncExternalStore(subscribe, () => read(slug));
  const list = organisations.data?.items ?? [];
  const organisation = list.find((o) => o.id === stored);
  return {
    organisationId: organisation?.id,
    organisation,
    organisations: list,
    choose: (organisationId: string | null) => chooseBuyer(slug, organisationId),
  };
}
