import { afterEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from '../../../src/lib/autosave.svelte';

type Call = { url: string; init: RequestInit };

function fakeFetch(responses: (() => Promise<Response>)[]) {
	const calls: Call[] = [];
	vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
		calls.push({ url, init });
		const next = responses.shift() ?? (() => Promise.resolve(new Response('{}', { status: 200 })));
		return next();
	});
	return calls;
}

const body = (call: Call) => JSON.parse(String(call.init.body));

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('autosave', () => {
	it('sends a choice at once and says when it is saved', async () => {
		const calls = fakeFetch([]);
		const saver = new Autosaver('AbCdEfGhIjKlMnOpQrStUv', 'sim');
		saver.queue('sim_ota', { option: 'yes' }, true);
		await saver.flush();
		expect(calls).toHaveLength(1);
		expect(calls[0]!.init.method).toBe('PATCH');
		expect(body(calls[0]!)).toEqual({ answers: { sim_ota: { option: 'yes' } }, lastStep: 'sim' });
		expect(saver.status).toBe('saved');
	});

	it('sends nothing when an answer is left as the server has it, e.g. an empty note left empty', async () => {
		vi.useFakeTimers();
		const calls = fakeFetch([]);
		const saver = new Autosaver('AbCdEfGhIjKlMnOpQrStUv', 'sim', 700, {
			sim_ota: {},
			sim_form: { option: 'mff2', note: 'soldered' }
		});
		saver.queue('sim_ota', { option: undefined, note: '' }, true); // blur of an empty note
		saver.queue('sim_form', { option: 'mff2', note: 'soldered' }, true);
		// Typed, then deleted before the pause: nothing left to save, and the status says so.
		saver.queue('sim_ota', { note: 'x' }, false);
		expect(saver.status).toBe('pending');
		saver.queue('sim_ota', { note: '' }, false);
		expect(saver.status).toBe('idle');
		await vi.advanceTimersByTimeAsync(800);
		expect(calls).toHaveLength(0);

		// A real change is sent once; repeating it (the blur after typing) sends nothing more.
		saver.queue('sim_ota', { note: 'ask Anna' }, true);
		await saver.flush();
		saver.queue('sim_ota', { note: 'ask Anna' }, true);
		await saver.flush();
		expect(calls).toHaveLength(1);
		expect(body(calls[0]!).answers.sim_ota).toEqual({ note: 'ask Anna' });
	});

	it('waits for a pause in typing, and says work is pending meanwhile', async () => {
		vi.useFakeTimers();
		const calls = fakeFetch([]);
		const saver = new Autosaver('AbCdEfGhIjKlMnOpQrStUv', 'sim', 700);
		saver.queue('sim_ota', { note: 'ask' }, false);
		saver.queue('sim_ota', { note: 'ask Anna' }, false);
		expect(saver.status).toBe('pending');
		expect(calls).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(800);
		expect(calls).toHaveLength(1);
		expect(body(calls[0]!).answers.sim_ota).toEqual({ note: 'ask Anna' });
	});

	it('keeps unsaved answers after a network failure, does not hammer the server, and sends them with the next save', async () => {
		const calls = fakeFetch([() => Promise.reject(new TypeError('offline'))]);
		const saver = new Autosaver('AbCdEfGhIjKlMnOpQrStUv', 'sim');
		saver.queue('sim_ota', { option: 'yes' }, true);
		await vi.waitFor(() => expect(saver.status).toBe('error'));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(calls).toHaveLength(1);
		saver.queue('sim_local', { option: 'no' }, true);
		await vi.waitFor(() => expect(saver.status).toBe('saved'));
		expect(calls).toHaveLength(2);
		expect(body(calls[1]!).answers).toEqual({
			sim_ota: { option: 'yes' },
			sim_local: { option: 'no' }
		});
	});

	it('sends what is still waiting with keepalive when the page goes away', async () => {
		const calls = fakeFetch([]);
		const saver = new Autosaver('AbCdEfGhIjKlMnOpQrStUv', 'sim', 700);
		saver.queue('sim_ota', { note: 'typed just before closing' }, false);
		saver.flushOnLeave();
		expect(calls).toHaveLength(1);
		expect(calls[0]!.init.keepalive).toBe(true);
		expect(body(calls[0]!).answers.sim_ota.note).toBe('typed just before closing');
	});
});
