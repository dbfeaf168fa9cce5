// Reordering regions by dragging one of them to another place in the list.

/** `ids` with the item at `from` moved to `to`. */
export function moveItem<T>(ids: readonly T[], from: number, to: number): T[] {
  const next = [...ids];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
