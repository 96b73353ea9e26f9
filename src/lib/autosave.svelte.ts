import { SvelteDate, SvelteMap } from 'svelte/reactivity';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

interface AnswerDraft {
	option?: string;
	note?: string;
}

/**
 * Saves answers through the JSON API as the user works. Changes made while a save is in flight
 * are merged and sent next, so the last value always wins and nothing is sent twice at once.
 */
export class Autosaver {
	status = $state<SaveStatus>('idle');
	savedAt = $state<Date | null>(null);

	private pending = new SvelteMap<string, AnswerDraft | null>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private inFlight: Promise<boolean> | null = null;

	/**
	 * What the server holds for each question, as far as this page knows: the answers it was
	 * rendered with, then each answer as it is sent. A change back to it needs no save.
	 */
	private known = new SvelteMap<string, string>();

	constructor(
		private readonly assessmentId: string,
		private readonly step: string,
		private readonly delayMs = 700,
		saved: Record<string, AnswerDraft> = {}
	) {
		for (const [id, answer] of Object.entries(saved)) this.known.set(id, sameness(answer));
	}

	/** Queue an answer; typed notes wait for a pause, choices are sent at once. */
	queue(questionId: string, answer: AnswerDraft, immediate: boolean): void {
		if (this.known.get(questionId) === sameness(answer)) {
			// Nothing changed (say, an empty note left empty): no request, no "Saving…". An unsent
			// change that was undone is dropped.
			if (this.pending.delete(questionId) && this.pending.size === 0) {
				clearTimeout(this.timer);
				if (this.status === 'pending') this.status = this.savedAt ? 'saved' : 'idle';
			}
			return;
		}
		const empty = !answer.option && !answer.note?.trim();
		this.pending.set(questionId, empty ? null : answer);
		clearTimeout(this.timer);
		if (immediate) void this.flush();
		else {
			this.status = 'pending';
			this.timer = setTimeout(() => void this.flush(), this.delayMs);
		}
	}

	/**
	 * The page is going away (tab closed, another address typed): send what is still waiting with
	 * keepalive, which the browser completes even after the page is gone.
	 */
	flushOnLeave(): void {
		clearTimeout(this.timer);
		if (this.pending.size === 0) return;
		const answers = Object.fromEntries(this.pending);
		this.pending.clear();
		this.remember(answers);
		this.status = 'saving';
		// If the page is only hidden (another tab), the status is right again when it returns.
		void fetch(`/api/assessments/${this.assessmentId}`, {
			method: 'PATCH',
			keepalive: true,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ answers, lastStep: this.step })
		})
			.then((response) => {
				if (!response.ok) throw new Error(`HTTP ${response.status}`);
				this.status = 'saved';
				this.savedAt = new SvelteDate();
			})
			.catch(() => {
				this.restore(answers);
				this.status = 'error';
			});
	}

	async flush(): Promise<void> {
		clearTimeout(this.timer);
		if (this.inFlight) {
			await this.inFlight;
			if (this.pending.size === 0) return;
		}
		if (this.pending.size === 0) return;
		const answers = Object.fromEntries(this.pending);
		this.pending.clear();
		this.remember(answers);
		this.status = 'saving';
		this.inFlight = this.send(answers);
		let saved: boolean;
		try {
			saved = await this.inFlight;
		} finally {
			this.inFlight = null;
		}
		// Changes made meanwhile go next; after a failure, wait for the user instead of looping.
		if (saved && this.pending.size > 0) await this.flush();
	}

	/** Sends answers; false when they could not be saved (they are kept for the next try). */
	private async send(answers: Record<string, AnswerDraft | null>): Promise<boolean> {
		try {
			const response = await fetch(`/api/assessments/${this.assessmentId}`, {
				method: 'PATCH',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ answers, lastStep: this.step })
			});
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			this.status = 'saved';
			this.savedAt = new SvelteDate();
			return true;
		} catch {
			this.restore(answers);
			this.status = 'error';
			return false;
		}
	}

	private remember(answers: Record<string, AnswerDraft | null>): void {
		for (const [id, answer] of Object.entries(answers)) this.known.set(id, sameness(answer ?? {}));
	}

	/** Puts unsaved answers back so the next change, or the Next button, saves them. */
	private restore(answers: Record<string, AnswerDraft | null>): void {
		for (const [id, answer] of Object.entries(answers)) {
			// The server may not hold it after all: whatever comes next is sent.
			this.known.delete(id);
			if (!this.pending.has(id)) this.pending.set(id, answer);
		}
	}
}

/** Two drafts the server would store alike (an empty note is no note) give the same string. */
function sameness(answer: AnswerDraft): string {
	return JSON.stringify([answer.option ?? '', answer.note?.trim() ? answer.note : '']);
}
