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
 *
 * The count is told in two parts (`counts`): the hits holding the words as typed, and those
 * holding them only with other punctuation. A checked hit says which it is (`exactness.hit`);
 * a record not yet checked may be known from the index alone (`exactness.candidate`: for a
 * short query, the records of its marked crossing token, tokens.ts `crossingTokens`).
 */
export interface Candidate<R> {
  data(): Promise<R>;
}

/** Hits as typed, and hits only with other punctuation (or spacing). */
export interface Counts {
  exact: number;
  other: number;
}

export interface Exactness<R, H> {
  /** Whether a hit holds the query as typed. */
  hit(hit: H): boolean;
  /** Whether a record not yet checked will, where the index tells (undefined: only its text can). */
  candidate?(candidate: Candidate<R>): boolean | undefined;
}

export class ResultPages<R, H> {
  private next = 0;
  private kept = 0;
  private keptExact = 0;
  private readonly candidates: ReadonlyArray<Candidate<R>>;
  /** The hit a record makes, or null when its text does not hold the query after all. */
  private readonly verify: (record: R) => H | null;
  private readonly pageSize: number;
  /** Order within a page (stable: among equals, the candidates' order). */
  private readonly compare: (a: H, b: H) => number;
  private readonly exactness: Exactness<R, H> | undefined;

  constructor(
    candidates: ReadonlyArray<Candidate<R>>,
    verify: (record: R) => H | null,
    pageSize: number,
    compare: (a: H, b: H) => number = () => 0,
    exactness?: Exactness<R, H>,
  ) {
    this.candidates = candidates;
    this.verify = verify;
    this.pageSize = pageSize;
    this.compare = compare;
    this.exactness = exactness;
  }

  /** Records not yet checked. */
  get remaining(): number {
    return this.candidates.length - this.next;
  }

  /** The number of hits: exact once every record is checked, else the records found (see above). */
  get count(): number {
    return this.kept + this.remaining;
  }

  /**
   * `count` in its two parts, or null where they are not known: no `exactness`, or a record not
   * yet checked whose kind only its text can tell.
   */
  get counts(): Counts | null {
    if (!this.exactness) return null;
    let exact = this.keptExact;
    let other = this.kept - this.keptExact;
    for (const candidate of this.candidates.slice(this.next)) {
      const known = this.exactness.candidate?.(candidate);
      if (known === undefined) return null;
      if (known) exact++;
      else other++;
    }
    return { exact, other };
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
    if (this.exactness) this.keptExact += hits.filter((hit) => this.exactness!.hit(hit)).length;
    return hits.sort(this.compare);
  }

  /** Checks every record left, a page at a time, and returns their hits in order of pages. */
  async all(): Promise<H[]> {
    const hits: H[] = [];
    while (this.remaining > 0) hits.push(...(await this.more()));
    return hits;
  }
}
