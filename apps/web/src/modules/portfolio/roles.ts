import type { Session } from '../../api/client';

/** Whether the session may moderate and run rounds (the API checks the same). */
export const canModerate = (session: Session | undefined) =>
  Boolean(
    session?.user && session.roles.some((role) => role === 'digital_team' || role === 'admin'),
  );

export const isTeamMember = (session: Session | undefined) =>
  Boolean(session?.user && session.roles.includes('digital_team'));
