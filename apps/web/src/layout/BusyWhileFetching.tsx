/**
 * `aria-busy` on the screen while anything is read from the API, so that a screen reader waits
 * for the update rather than reading half of it (and a browser test knows when a screen has
 * settled). Set on the element itself: a change of the count then re-renders nothing else.
 */
import { useIsFetching } from '@tanstack/react-query';
import { useEffect } from 'react';

export function BusyWhileFetching({ elementId }: { elementId: string }) {
  const fetching = useIsFetching();
  useEffect(() => {
    document.getElementById(elementId)?.setAttribute('aria-busy', fetching > 0 ? 'true' : 'false');
  }, [fetching, elementId]);
  return null;
}
