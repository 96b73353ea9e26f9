/** Runs tasks for the same key one after another, so read-modify-write cycles never interleave. */
export class KeyedMutex {
	private readonly tails = new Map<string, Promise<unknown>>();

	async run<T>(key: string, task: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		const current = previous.then(task, task);
		const tail = current.catch(() => {});
		this.tails.set(key, tail);
		try {
			return await current;
		} finally {
			// Forget the key once nobody queued behind us, so the map does not grow forever.
			if (this.tails.get(key) === tail) this.tails.delete(key);
		}
	}
}
