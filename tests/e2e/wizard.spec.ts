import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { answeredLine, fetchRules, jsEnabled, ready, type RulesApi } from './helpers';

/** An assessment for a German fleet with the given answers saved, and the ruleset it asks. */
async function assessment(
	request: APIRequestContext,
	answers: Record<string, { option: string }> = {}
) {
	const rules = await fetchRules(request);
	const created = await request.post('/api/assessments', {
		data: {
			title: 'Wizard keys',
			fleet: { devices: 1000, countries: ['DE'], lifetimeYears: 10 },
			answers
		}
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: string };
	return { id, rules };
}

const radio = (page: Page, questionId: string, option: string) =>
	page.locator(`input[name="answer.${questionId}"][value="${option}"]`);

const firstOption = (area: RulesApi['areas'][number], index = 0) => ({
	question: area.questions[index]!.id,
	option: area.questions[index]!.options[0]!.id
});

// H2: the first submit button of the form is the one implicit submission (Enter) presses.
test('Enter on a chosen answer saves it and moves on to the next step, never back', async ({
	page,
	request
}, info) => {
	const { id, rules } = await assessment(request);
	const [area, nextArea] = [rules.areas[0]!, rules.areas[1]!];
	const { question, option } = firstOption(area);

	await page.goto(`/a/${id}/${area.id}`);
	await ready(page, info);
	// The step has a Back button (to the fleet): Enter must not press it.
	await expect(page.getByRole('button', { name: '← Back' })).toBeVisible();
	await radio(page, question, option).check();
	await radio(page, question, option).press('Enter');

	await page.waitForURL(new RegExp(`/a/${id}/${nextArea.id}$`));
	await expect(page.getByRole('heading', { level: 1, name: nextArea.title })).toBeVisible();

	await page.goto(`/a/${id}/${area.id}`);
	await expect(radio(page, question, option)).toBeChecked();
});

/** The area's status line as a screen reader gets it, CSS generated content included. */

// M9: without JavaScript the footer said "0 of 6 answered" with all six ticked.
test('without JavaScript the footer counts the saved answers and each tick before saving @nojs', async ({
	page,
	request
}) => {
	const rules = await fetchRules(request);
	const area = rules.areas[0]!;
	const saved = firstOption(area, 0);
	const { id } = await assessment(request, { [saved.question]: { option: saved.option } });
	const total = area.questions.length; // Germany asks no per-country questions.

	await page.goto(`/a/${id}/${area.id}`);
	await expect.poll(() => answeredLine(page)).toBe(`1 of ${total} answered|1|${total}`);

	const second = firstOption(area, 1);
	const third = firstOption(area, 2);
	await radio(page, second.question, second.option).check();
	await radio(page, third.question, third.option).check();
	await expect.poll(() => answeredLine(page)).toBe(`3 of ${total} answered|3|${total}`);
	// The form still needs a press to save: the line says so.
	await expect(page.getByRole('status')).toContainText(
		'answers are saved when you press Save or continue'
	);
});

// M2 (WCAG 2.2 SC 2.4.11): the sticky save bar must never cover the field that has focus.
test('on a phone, Tab through a step never leaves the focused element under the sticky bar', async ({
	page,
	request
}, info) => {
	await page.setViewportSize({ width: 390, height: 700 });
	const { id, rules } = await assessment(request);
	const area = rules.areas[0]!;
	await page.goto(`/a/${id}/${area.id}`);
	await ready(page, info);

	const bar = page.locator('form .sticky');
	let reachedBar = false;
	let checked = 0;
	for (let presses = 0; presses < 120 && !reachedBar; presses++) {
		await page.keyboard.press('Tab');
		const focused = page.locator(':focus');
		if ((await focused.count()) === 0) continue;
		reachedBar = await focused.evaluate((el) => !!el.closest('.sticky'));
		if (reachedBar) break;
		const box = (await focused.boundingBox())!;
		const barBox = (await bar.boundingBox())!;
		const label = await focused.evaluate(
			(el) => `${el.tagName} ${el.getAttribute('name') ?? el.textContent?.trim()}`
		);
		const overlaps = box.y < barBox.y + barBox.height && box.y + box.height > barBox.y;
		expect(overlaps, `${label} at y ${box.y}–${box.y + box.height}, bar at y ${barBox.y}`).toBe(
			false
		);
		checked++;
	}
	expect(reachedBar).toBe(true);
	// Every question's radio group and note were among the focused elements.
	expect(checked).toBeGreaterThan(area.questions.length * 2);
});

// L10: the status said "Saving…" after Tab left an empty note.
test('leaving an empty note sends nothing and shows no saving; a typed note is saved @js', async ({
	page,
	request
}, info) => {
	expect(jsEnabled(info)).toBe(true);
	const { id, rules } = await assessment(request);
	const area = rules.areas[0]!;
	const question = area.questions[0]!.id;
	const patches: string[] = [];
	page.on('request', (r) => {
		if (r.method() === 'PATCH') patches.push(r.url());
	});
	await page.goto(`/a/${id}/${area.id}`);
	await ready(page, info);
	const note = page.locator(`#${question}-note`);
	const status = page.getByRole('status');

	await note.focus();
	await note.press('Tab');
	// Longer than the typing pause (700 ms) after which a changed note is sent.
	await page.waitForTimeout(1500);
	expect(patches).toEqual([]);
	await expect(status).not.toContainText(/Saving|Typing|saved at/);

	// Typed and then removed again before the pause: still nothing to save.
	await note.fill('x');
	await note.fill('');
	await note.press('Tab');
	await page.waitForTimeout(1500);
	expect(patches).toEqual([]);

	// A real change is still saved when the note is left.
	const saved = page.waitForRequest((r) => r.method() === 'PATCH');
	await note.fill('Vendor promised an export API');
	await note.press('Tab');
	await saved;
	await expect(status).toContainText('All changes saved at');
});
