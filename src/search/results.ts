/**
 * Search results a page at a time, and their count.
 *
 * Pagefind answers a search with every record it found at once, each with a `data()`
 * that fetches that record's fragment (its text) only when called. A record must be
 * checked on its text before it is shown (src/search/match.ts), so checking all of
 * them would fetch a fragment per record: 884 for 之 in a text of 140,000 characters.
 * Instead the results are checked a page at a time, as the reader asks for more.
 *
 * The count does not need the fragments: for a phrase of up to `phraseChars` letters
 * and digits, Pagefind's records are exactly the blocks that hold the phrase's letters
 * and digits in a row (the one token of that stretch: see tokens.ts), which is what
 * the site counts as found, exact or with other punctuation. A longer query is
 * looked up by its start, so some records may not hold the whole of it: the count is then
 * known only once every record is checked (`all`), which such a specific query makes
 * cheap (few records hold its first `phraseChars` characters: src/search/build/phrase-chars.ts).
 */
export interface Candidate<R> {
  data(): Promise<R>;
}

export class ResultPages<R, H> {
  private next = 0;
  private kept = 0;
  private readonly candidates: ReadonlyArray<Candidate<R>>;
  /** The hit a record makes, or null when its text does not hold the query after all. */
  private readonly verify: (record: R) => H | null;
  private readonly pageSize: number;
  /** Order within a page (stable: among equals, the candidates' order). */
  private readonly compare: (a: H, b: H) => number;

  constructor(
    candidates: ReadonlyArray<Candidate<R>>,
    verify: (record: R) => H | null,
    pageSize: number,
    compare: (a: H, b: H) => number = () => 0,
  ) {
    this.candidates = candidates;
    this.verify = verify;
    this.pageSize = pageSize;
    this.compare = compare;
  }

  /** Records not yet checked. */
  get remaining(): number {
    return this.candidates.length - this.next;
  }

  /** The number of hits: exact once every record is checked, else the records found (see above). */
  get count(): number {
    return this.kept + this.remaining;
  }

  /** The next page of hits: up to `pageSize` records fetched at once, checked, ordered. */
  async more(): Promise<H[]> {
    const batch = this.candidates.slice(this.next, this.next + this.pageSize);
    this.next += batch.length;
    const records = await Promise.all(batch.map((candidate) => candidate.data()));
    const hits = records.flatMap((record): H[] => {
      const hit = this.verify(record);
      return hit === null ? [] : [hit];
    });
    this.kept += hits.length;
    return hits.sort(this.compare);
  }

  /** Checks every record left, a page at a time, and returns their hits in order of pages. */
  async all(): Promise<H[]> {
    const hits: H[] = [];
    while (this.remaining > 0) hits.push(...(await this.more()));
    return hits;
  }
}
