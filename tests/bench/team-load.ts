/**
 * The load a team brings: 50 simulated people for 60 seconds against the real build on loopback,
 * each working on their own assessment the way the app is used: opening pages, answering
 * questions (autosave PATCHes), now and then a PDF, a simulation, or a colleague's share link.
 * All of them come from one address (an office behind one NAT) with the default RATE_LIMITS.
 * Counts every error and checks that every acknowledged save is in the final record.
 */
import { rmSync } from 'node:fs';
import { fetchRules, jsonOf, send, type Reply, type RulesApi } from '../system/http';
import { copyBuild, startServer, type TestServer } from '../system/server';

const USERS = 50;
const DURATION_MS = 60_000;
/** How a person's next action is chosen, by share of actions. */
const MIX = [
	['page view', 0.37],
	['autosave', 0.45],
	['share view', 0.12],
	['pdf', 0.03],
	['simulation', 0.03]
] as const;
type Kind = (typeof MIX)[number][0];

/** A small deterministic generator (mulberry32): the same run every time. */
export function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface User {
	index: number;
	id: string;
	token: string;
	/** Last acknowledged note per question: what the final record must hold. */
	saved: Map<string, string>;
}

const quantile = (values: number[], q: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
};

async function setUp(server: TestServer, rules: RulesApi, index: number): Promise<User> {
	const created = await send(server, 'POST', '/api/assessments', {
		json: {
			title: `Team member ${index}`,
			organisation: 'Load Org',
			vendor: 'Load Vendor',
			fleet: { devices: 2_000 + index, countries: ['DE', 'BR', 'FR', 'IN'], lifetimeYears: 8 }
		}
	});
	if (created.status !== 201)
		throw new Error(`setup create answered ${created.status}: ${created.text.slice(0, 200)}`);
	const { id } = jsonOf<{ id: string }>(created);
	const share = await send(server, 'POST', `/api/assessments/${id}/shares`, {
		json: { label: 'colleague' }
	});
	if (share.status !== 201) throw new Error(`setup share answered ${share.status}`);
	return { index, id, token: jsonOf<{ token: string }>(share).token, saved: new Map() };
}

export async function runTeamLoad() {
	const cleanup = copyBuild();
	// Default RATE_LIMITS (undefined unsets the test servers' "off").
	const server = await startServer({ env: { RATE_LIMITS: undefined } });
	const latencies = new Map<Kind, number[]>(MIX.map(([kind]) => [kind, []]));
	const errors: string[] = [];
	try {
		const rules = await fetchRules(server);
		const questions = rules.areas.flatMap((area) =>
			area.questions.map((q) => ({ area: area.id, ...q }))
		);
		const users: User[] = [];
		for (let i = 0; i < USERS; i++) users.push(await setUp(server, rules, i));

		const deadline = performance.now() + DURATION_MS;
		const act = async (user: User, kind: Kind, next: () => number): Promise<Reply> => {
			switch (kind) {
				case 'page view': {
					const q = questions[Math.floor(next() * questions.length)]!;
					const path = next() < 0.3 ? `/a/${user.id}/results` : `/a/${user.id}/${q.area}`;
					return send(server, 'GET', path, { headers: { accept: 'text/html' } });
				}
				case 'autosave': {
					const q = questions[Math.floor(next() * questions.length)]!;
					const note = `user ${user.index} save ${Math.floor(next() * 1e9)}`;
					const option = q.options[Math.floor(next() * q.options.length)]!.id;
					const reply = await send(server, 'PATCH', `/api/assessments/${user.id}`, {
						json: { answers: { [q.id]: { option, note } } },
						headers: { origin: server.origin }
					});
					if (reply.status === 200) user.saved.set(q.id, note);
					return reply;
				}
				case 'share view': {
					// A colleague's link: someone else's assessment.
					const other = users[(user.index + 1 + Math.floor(next() * (USERS - 1))) % USERS]!;
					return send(server, 'GET', `/s/${other.token}`, { headers: { accept: 'text/html' } });
				}
				case 'pdf':
					return send(server, 'GET', `/api/assessments/${user.id}/report.pdf`, {
						timeoutMs: 120_000
					});
				case 'simulation':
					return send(server, 'POST', '/api/simulate', {
						json: { seed: user.index, assessmentId: user.id, resolution: 'week' },
						headers: { origin: server.origin },
						timeoutMs: 120_000
					});
			}
		};
		const person = async (user: User) => {
			const next = random(1_000 + user.index);
			while (performance.now() < deadline) {
				let pick = next();
				const kind = MIX.find(([, share]) => (pick -= share) < 0)?.[0] ?? 'page view';
				const start = performance.now();
				try {
					const reply = await act(user, kind, next);
					if (reply.status >= 400)
						errors.push(`${kind}: ${reply.status} ${reply.text.slice(0, 120)}`);
				} catch (error) {
					errors.push(`${kind}: ${(error as Error).message}`);
				}
				latencies.get(kind)!.push(performance.now() - start);
				// Reading, thinking, typing: 0.3 to 1.5 seconds between actions.
				await new Promise((resolve) => setTimeout(resolve, 300 + next() * 1_200));
			}
		};
		const started = performance.now();
		await Promise.all(users.map(person));
		const elapsed = performance.now() - started;

		// Every acknowledged save must be in the final record.
		let acknowledged = 0;
		let lost = 0;
		for (const user of users) {
			const record = jsonOf<{ answers: Record<string, { note?: string }> }>(
				await send(server, 'GET', `/api/assessments/${user.id}`)
			);
			for (const [question, note] of user.saved) {
				acknowledged++;
				if (record.answers[question]?.note !== note) lost++;
			}
		}

		const ms = (n: number) => (Number.isNaN(n) ? '-' : `${n.toFixed(0)} ms`);
		const total = [...latencies.values()].reduce((sum, list) => sum + list.length, 0);
		console.log(
			`\nTeam load: ${USERS} people for ${(elapsed / 1000).toFixed(0)} s, one address, default RATE_LIMITS`
		);
		console.table(
			MIX.map(([kind]) => {
				const list = latencies.get(kind)!;
				return {
					kind,
					requests: list.length,
					p50: ms(quantile(list, 0.5)),
					p99: ms(quantile(list, 0.99)),
					max: ms(Math.max(...list))
				};
			})
		);
		console.log(
			`  ${total} requests (${(total / (elapsed / 1000)).toFixed(0)}/s), errors: ${errors.length}`
		);
		for (const error of errors.slice(0, 10)) console.log(`    ${error}`);
		console.log(
			`  saves acknowledged (distinct answers, last value each): ${acknowledged}, lost: ${lost}`
		);
		console.log(
			`  verdict: ${errors.length === 0 && lost === 0 ? 'met (0 errors, 0 lost saves)' : 'MISSED'}`
		);
		if (errors.length || lost) process.exitCode = 1;
		return { errors: errors.length, lost, acknowledged };
	} finally {
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
		cleanup();
	}
}
