/** The registry of the sectors a hub runs, relative to the hub folder (see readSectorRegistry). */
export const SECTOR_REGISTRY = 'subgraphs.txt';
