/**
 * The one home of per-request state in a subgraph (`SubgraphContext.scope`, made fresh for each
 * request): DataLoaders, including those whose batch depends on field arguments (one loader per
 * period range, so N areas asking for the same range still cost one batch), and values worked
 * out once per request. Nothing in it outlives its request.
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
