// A toolbar button: an icon and a short label, with a tooltip for what it does and its key.
// The label stays visible (and is the button's name): icons alone make a reviewer guess.

import { Button, Tooltip, type ButtonProps } from '@blueprintjs/core';
import type { ReactNode } from 'react';

export function ToolButton({
  hint,
  children,
  ...props
}: Omit<ButtonProps, 'text' | 'size'> & { hint?: string; children?: ReactNode }) {
  const button = (
    <Button size="small" {...props}>
      {children}
    </Button>
  );
  return hint ? (
    <Tooltip content={hint} placement="bottom" hoverOpenDelay={400}>
      {button}
    </Tooltip>
  ) : (
    button
  );
}
