/**
 * Sorts a list in place, as `list.sort(compare)`, unless it is in order already. Most lists the stages sort (a
 * sentence's dates, its attack words) hold one item or come in order, and `sort` copies even those. The sort
 * is stable, so a list already in order is what sorting it gives.
 */
export function ordered<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i++)
    if (compare(list[i - 1] as T, list[i] as T) > 0) return list.sort(compare);
  return list;
}
