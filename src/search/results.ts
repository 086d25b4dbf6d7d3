/**
 * Search results a page at a time, and their count.
 *
 * Pagefind answers a search with every record it found at once, each with a `data()`
 * that fetches that record's fragment (its passage's text) only when called. A record's blocks
 * must be checked on their text before they are shown (src/search/match.ts), so checking all of
 * them would fetch every fragment of the passages holding a common word. Instead the records are
 * checked a page at a time, as the reader asks for more.
 *
 * The count does not need the fragments: a record is a passage of blocks, each block's tokens
 * apart in it (src/search/build/search-index.ts), so Pagefind's places of a token in a record are
 * one for each of its blocks holding the token (`size`). For a phrase of up to `phraseChars`
 * letters and digits, that is exactly its blocks holding the phrase's letters and digits in a row
 * (the one token of that stretch: see tokens.ts), which is what the site counts as found, exact
 * or with other punctuation. A longer query is looked up by its start, so some blocks may not hold
 * the whole of it: the count is then known only once every record is checked (`all`), which such
 * a specific query makes cheap (few blocks hold its first `phraseChars` characters:
 * src/search/build/phrase-chars.ts).
 *
 * The count is told in two parts (`counts`): the hits holding the words as typed, and those
 * holding them only with other punctuation. A checked hit says which it is (`exactness.hit`);
 * a record not yet checked may be known from the index alone (`exactness.candidate`: for a
 * short query, the places of its marked crossing token, tokens.ts `crossingTokens`).
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
  /** How many of a record's hits (`size`) will hold it as typed, where the index tells (undefined: only its text can). */
  candidate?(candidate: Candidate<R>): number | undefined;
}

export interface Paging<R, H> {
  /** Order within a page (stable: among equals, the candidates' order). */
  compare?: (a: H, b: H) => number;
  exactness?: Exactness<R, H>;
  /** The hits a record not yet checked will make, as the index tells; 1 where it cannot. */
  size?: (candidate: Candidate<R>) => number;
}

export class ResultPages<R, H> {
  private next = 0;
  private kept = 0;
  private keptExact = 0;
  private readonly candidates: ReadonlyArray<Candidate<R>>;
  /** The hits a record makes, in order: none when its text does not hold the query after all. */
  private readonly verify: (record: R) => H[];
  private readonly pageSize: number;
  private readonly compare: (a: H, b: H) => number;
  private readonly exactness: Exactness<R, H> | undefined;
  private readonly size: (candidate: Candidate<R>) => number;

  constructor(candidates: ReadonlyArray<Candidate<R>>, verify: (record: R) => H[], pageSize: number, paging: Paging<R, H> = {}) {
    this.candidates = candidates;
    this.verify = verify;
    this.pageSize = pageSize;
    this.compare = paging.compare ?? (() => 0);
    this.exactness = paging.exactness;
    this.size = paging.size ?? (() => 1);
  }

  /** Hits not yet shown, as the index tells (records not yet checked, where it cannot). */
  get remaining(): number {
    return this.candidates.slice(this.next).reduce((sum, candidate) => sum + this.size(candidate), 0);
  }

  /** The number of hits: exact once every record is checked, else the hits shown and those the index tells of (see above). */
  get count(): number {
    return this.kept + this.remaining;
  }

  /**
   * `count` in its two parts, or null where they are not known: no `exactness`, or a record not
   * yet checked whose hits' kinds only its text can tell.
   */
  get counts(): Counts | null {
    if (!this.exactness) return null;
    let exact = this.keptExact;
    let other = this.kept - this.keptExact;
    for (const candidate of this.candidates.slice(this.next)) {
      const known = this.exactness.candidate?.(candidate);
      if (known === undefined) return null;
      exact += known;
      other += this.size(candidate) - known;
    }
    return { exact, other };
  }

  /** The next page of hits: the records that make up `pageSize` hits (as the index tells), fetched at once, checked, ordered. */
  async more(): Promise<H[]> {
    const batch: Array<Candidate<R>> = [];
    for (let hits = 0; hits < this.pageSize && this.next < this.candidates.length; this.next++) {
      const candidate = this.candidates[this.next]!;
      batch.push(candidate);
      hits += this.size(candidate);
    }
    const records = await Promise.all(batch.map((candidate) => candidate.data()));
    const hits = records.flatMap((record) => this.verify(record));
    this.kept += hits.length;
    if (this.exactness) this.keptExact += hits.filter((hit) => this.exactness!.hit(hit)).length;
    return hits.sort(this.compare);
  }

  /** Checks every record left, a page at a time, and returns their hits in order of pages. */
  async all(): Promise<H[]> {
    const hits: H[] = [];
    while (this.next < this.candidates.length) hits.push(...(await this.more()));
    return hits;
  }

  /** Whether records are left to check. */
  get done(): boolean {
    return this.next >= this.candidates.length;
  }
}
