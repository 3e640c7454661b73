import type { DataSource } from 'typeorm';
import { SharedEdgeSimplifier } from '../geometry/SharedEdgeSimplifier';
import { allBoundaries, boundariesVersion } from '../store/boundaryStore';

/**
 * The boundaries of one database and their simplifications, kept for the life of the process:
 * read again only when the stored ones change (an import), which a one-row query tells.
 */
export class BoundaryCache {
  private static readonly byDatabase = new WeakMap<DataSource, BoundaryCache>();
  private version?: string;
  private loading?: Promise<SharedEdgeSimplifier>;

  private constructor(private readonly db: DataSource) {}

  static of(db: DataSource): BoundaryCache {
    let cache = BoundaryCache.byDatabase.get(db);
    if (!cache) BoundaryCache.byDatabase.set(db, (cache = new BoundaryCache(db)));
    return cache;
  }

  /** The simplifier over the boundaries as stored now. */
  async current(): Promise<SharedEdgeSimplifier> {
    const version = await boundariesVersion(this.db.manager);
    if (version !== this.version || !this.loading) {
      this.version = version;
      this.loading = allBoundaries(this.db.manager).then((boundaries) => new SharedEdgeSimplifier(boundaries));
      this.loading.catch(() => (this.version = undefined));
    }
    return this.loading;
  }
}
