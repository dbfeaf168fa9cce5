// A dialog in the app's look: Blueprint's Dialog (focus kept inside, Escape and the backdrop
// close it) without its close button, whose name Blueprint fixes as the English "Close"; every
// dialog here has its own Cancel or Close in the reader's language instead.

import { Dialog, type DialogProps } from '@blueprintjs/core';

export function AppDialog(props: Omit<DialogProps, 'isCloseButtonShown' | 'isOpen'>) {
  return <Dialog {...props} isOpen isCloseButtonShown={false} />;
}
