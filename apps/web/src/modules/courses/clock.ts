import { useEffect, useState } from 'react';

/** The clock, ticking each `ms` while `running`. */
export function useNow(ms: number, running = true) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms, running]);
  return now;
}

/**
 * How far the server's clock is ahead of this device's, from a response's serverTime and the
 * moment it arrived. Countdowns to the draw use the server's clock: a phone whose clock is a
 * minute off must not show the opening a minute early.
 */
export const serverOffset = (serverTime: string | undefined, receivedAt: number) =>
  serverTime && receivedAt > 0 ? Date.parse(serverTime) - receivedAt : 0;

/**
 * A message for a polite live region that does not chatter: a new `topic` (a new state of the
 * waiting room) is announced at once, a changed message on the same topic at most every
 * `minGapMs` (a place in the queue that moves every few seconds).
 */
export function useCalmAnnouncement(message: string, topic: string, minGapMs = 30_000) {
  const [announced, setAnnounced] = useState({ message, topic, at: Date.now() });
  useEffect(() => {
    if (message === announced.message) return;
    if (topic !== announced.topic) {
      setAnnounced({ message, topic, at: Date.now() });
      return;
    }
    const wait = announced.at + minGapMs - Date.now();
    const timer = window.setTimeout(
      () => setAnnounced({ message, topic, at: Date.now() }),
      Math.max(0, wait),
    );
    return () => window.clearTimeout(timer);
  }, [message, topic, announced, minGapMs]);
  return announced.message;
}
