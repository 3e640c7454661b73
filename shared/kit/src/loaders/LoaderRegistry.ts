/**
 * Per-request home of DataLoaders whose batch depends on field arguments
 * (e.g. one loader per period range): the same arguments share one loader,
 * so N areas asking for the same range still cost one batch.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, unknown>();

  get<T>(name: string, args: unknown, create: () => T): T {
    const key = `${name}:${JSON.stringify(args)}`;
    let loader = this.loaders.get(key) as T | undefined;
    if (loader === undefined) {
      loader = create();
      this.loaders.set(key, loader);
    }
    return loader;
  }
}
