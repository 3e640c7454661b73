/** A set that forgets its least recently added or used member past `capacity`. */
export class BoundedSet<T> {
  private readonly members = new Set<T>();

  constructor(private readonly capacity: number) {}

  has(value: T): boolean {
    if (!this.members.has(value)) return false;
    this.members.delete(value);
    this.members.add(value);
    return true;
  }

  add(value: T): void {
    this.members.delete(value);
    this.members.add(value);
    if (this.members.size > this.capacity) this.members.delete(this.members.values().next().value as T);
  }
}
