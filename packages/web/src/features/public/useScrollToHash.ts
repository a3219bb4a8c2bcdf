import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Once a page's records are on screen, brings the element the address names (#coalition-drone)
 * into view and focus: the router does not, and the element did not exist when the page opened.
 */
export function useScrollToHash(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [ready, hash]);
}
