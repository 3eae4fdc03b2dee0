/** A spinner frame that turns while `active`; nothing ticks otherwise. */
import { useEffect, useState } from 'react';

export const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function useSpinner(active: boolean, intervalMs = 100): string {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setFrame((current) => (current + 1) % SPINNER.length), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return SPINNER[frame] ?? SPINNER[0] ?? '';
}
