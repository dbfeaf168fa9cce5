// A toolbar button: an icon and a short label, with a tooltip for what it does and its key.
// The label stays visible (and is the button's name): icons alone make a reviewer guess.
// The tooltip is the browser's own (title): Blueprint's Tooltip is a Popover per button, and
// with twenty of them in the page view's toolbar, re-rendered on every line change, Enter to
// the next line took twice as long (bench/first-paint: 63 ms against 29 ms).

import { Button, type ButtonProps } from '@blueprintjs/core';
import type { ReactNode } from 'react';

export function ToolButton({
  hint,
  children,
  ...props
}: Omit<ButtonProps, 'text' | 'size' | 'title'> & { hint?: string; children?: ReactNode }) {
  return (
    <Button size="small" title={hint} {...props}>
      {children}
    </Button>
  );
}
