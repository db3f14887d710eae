// Growable columns of 32-bit integers: compact row storage for millions of generated rows, so the
// generator holds typed arrays rather than millions of objects.

export class IntTable<K extends string> {
  length = 0;
  readonly cols: Record<K, Int32Array>;
  private capacity: number;

  constructor(
    private readonly names: readonly K[],
    initialCapacity = 1024,
  ) {
    this.capacity = Math.max(16, Math.ceil(initialCapacity));
    this.cols = {} as Record<K, Int32Array>;
    for (const name of names) this.cols[name] = new Int32Array(this.capacity);
  }

  /** Appends a zeroed row and returns its index. Re-read `cols` after adding: growth replaces arrays. */
  add(): number {
    if (this.length === this.capacity) {
      this.capacity = Math.ceil(this.capacity * 1.5);
      for (const name of this.names) {
        const grown = new Int32Array(this.capacity);
        grown.set(this.cols[name]);
        this.cols[name] = grown;
      }
    }
    return this.length++;
  }
}
