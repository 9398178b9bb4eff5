import type { MouseEvent, ReactNode } from 'react';
import { navigate } from './router.ts';

/** A link inside the console: a real `<a href>` (open in a new tab works) that navigates in place. */
export function AppLink({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} data-testid={testId}>
      {children}
    </a>
  );
}
