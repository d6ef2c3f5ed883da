/** up to this length an insertion sort beats `sort`, which copies the list before sorting it */
const SHORT = 16;

/**
 * Sorts a list in place, as `list.sort(compare)`, unless it is in order already. Most lists the stages sort (a
 * sentence's dates, its attack words) hold one item or come in order, and `sort` copies even those. The sort
 * is stable, so a list already in order is what sorting it gives.
 */
export function ordered<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i++)
    if (compare(list[i - 1] as T, list[i] as T) > 0)
      return list.length > SHORT ? list.sort(compare) : insertionSorted(list, compare, i);
  return list;
}

/** Sorts `list`, whose first `sorted` items are in order, stably and without copying it. */
function insertionSorted<T>(list: T[], compare: (a: T, b: T) => number, sorted: number): T[] {
  for (let i = sorted; i < list.length; i++) {
    const item = list[i] as T;
    let j = i;
    // only past items that come strictly after it: equal ones keep their order
    while (j > 0 && compare(list[j - 1] as T, item) > 0) {
      list[j] = list[j - 1] as T;
      j--;
    }
    list[j] = item;
  }
  return list;
}
