import { expect, test, type Page } from '@playwright/test';
import { ready } from './helpers';

/**
 * A whole assessment with the keyboard alone, in Chromium with JavaScript: from the home page to
 * a copied share link, using only Tab, Shift+Tab, typing, Space, Enter and the arrow keys. After
 * every key that moves focus, the focused element must be on screen, show a focus indicator and
 * not sit under anything else, such as the questionnaire's sticky save bar (WCAG 2.4.7, 2.4.11).
 */

interface Focused {
	description: string;
	problems: string[];
}

/** What is wrong with how the focused element is shown, if anything. */
async function focusProblems(page: Page): Promise<Focused> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return { description: 'nothing', problems: ['no focus'] };
		const label =
			el.getAttribute('aria-label') ??
			(el as HTMLInputElement).labels?.[0]?.textContent ??
			el.textContent ??
			'';
		const description = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
			el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''
		} "${label.trim().replace(/\s+/g, ' ').slice(0, 60)}"`;
		const problems: string[] = [];
		const box = el.getBoundingClientRect();
		if (box.width < 1 || box.height < 1) problems.push('has no size');
		// A stop taller than the window (a table that scrolls sideways on a phone) cannot be wholly
		// on screen: it must then fill at least half the window (WCAG 2.4.11 asks that focus is not
		// hidden); everything else must be wholly on screen.
		const tall = box.height > innerHeight;
		const shown = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
		if (tall && shown < innerHeight / 2)
			problems.push(`shows only ${Math.round(shown)} px of its ${Math.round(box.height)}`);
		// Half a pixel of slack for layouts that land between device pixels.
		if (
			!tall &&
			(box.top < -0.5 ||
				box.bottom > innerHeight + 0.5 ||
				box.left < -0.5 ||
				box.right > innerWidth + 0.5)
		)
			problems.push(`is not fully on screen (${Math.round(box.top)}–${Math.round(box.bottom)})`);
		const style = getComputedStyle(el);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
		// Past its day, month and year, a date field's Tab stop is Chromium's own calendar button,
		// which draws its own ring (the field then no longer matches :focus) and takes no page CSS.
		const pickerButton = el.matches('input[type="date"]:not(:focus)');
		if (!outline && style.boxShadow === 'none' && !pickerButton)
			problems.push('shows no focus indicator');
		const middle = tall
			? (Math.max(box.top, 0) + Math.min(box.bottom, innerHeight)) / 2
			: box.top + box.height / 2;
		const hit = document.elementFromPoint(box.left + box.width / 2, middle);
		// A label is part of its own control: clicking it focuses the control.
		const own =
			hit && (el.contains(hit) || (hit instanceof HTMLLabelElement && hit.control === el));
		if (!own)
			problems.push(
				`is covered by ${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing'}`
			);
		return { description, problems };
	});
}

async function expectFocusShown(page: Page) {
	const focused = await focusProblems(page);
	expect(focused.problems, `focused ${focused.description}`).toEqual([]);
}

/** Presses a key and checks the element that then has focus. */
async function press(page: Page, key: string) {
	await page.keyboard.press(key);
	await expectFocusShown(page);
}

/**
 * Tabs forward (or back) until the focused element matches `selector`, checking every element
 * focused on the way; fails after `limit` presses.
 */
async function tabTo(page: Page, selector: string, { back = false, limit = 400 } = {}) {
	for (let presses = 0; presses < limit; presses++) {
		await press(page, back ? 'Shift+Tab' : 'Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
	}
	throw new Error(`${selector} not reached within ${limit} presses of Tab`);
}

test('@js a whole assessment with the keyboard alone, from the home page to a copied share link', async ({
	page,
	context
}, info) => {
	test.setTimeout(240_000);
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/');
	await ready(page, info);

	await tabTo(page, 'a[href="/new"]:not(nav a)');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/new$/);
	await ready(page, info);

	// The fleet form, field by field; Shift+Tab goes back to correct the title.
	await tabTo(page, 'input[name="title"]');
	await page.keyboard.type('Meters by keyboard');
	await tabTo(page, 'input[name="devices"]');
	await page.keyboard.type('5000');
	await tabTo(page, 'input[name="title"]', { back: true });
	// Tab selects the text in a field: End keeps it and types after it.
	await page.keyboard.press('End');
	await page.keyboard.type(' only');
	await expect(page.locator('input[name="title"]')).toHaveValue('Meters by keyboard only');
	await tabTo(page, 'input[name="lifetimeYears"]');
	await page.keyboard.type('10');
	// Countries through the search box: a full name and Enter ticks it, without submitting.
	await tabTo(page, 'input[type="search"]');
	for (const [name, code] of [
		['Germany', 'DE'],
		['Brazil', 'BR']
	] as const) {
		await page.keyboard.type(name);
		await page.keyboard.press('Enter');
		await expect(page.locator(`input[name="countries"][value="${code}"]`)).toBeChecked();
		await expectFocusShown(page);
		await page.keyboard.press('Control+A');
		await page.keyboard.press('Backspace');
	}
	await expect(page).toHaveURL(/\/new$/);
	await tabTo(page, 'button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/a\/[A-Za-z0-9_-]+\/[a-z_]+$/);
	const id = page.url().split('/').at(-2)!;

	// Every step: each radio group reached with Tab, answered with Space and an arrow key;
	// Enter on the last answer saves and moves on.
	let steps = 0;
	while (!page.url().endsWith('/results')) {
		await ready(page, info);
		const step = page.url();
		const groups = await page
			.locator('form input[type="radio"]')
			.evaluateAll((radios) => [...new Set(radios.map((r) => r.getAttribute('name')!))]);
		expect(groups.length, `radio groups on ${step}`).toBeGreaterThan(0);
		for (const group of groups) {
			await tabTo(page, `input[type="radio"][name="${group}"]`);
			await press(page, 'Space');
			await press(page, 'ArrowDown');
			const options = page.locator(`input[type="radio"][name="${group}"]`);
			// The second option, or the first again in a group of one.
			const expected = (await options.count()) > 1 ? 1 : 0;
			await expect(options.nth(expected)).toBeChecked();
			await expect(options.nth(expected)).toBeFocused();
		}
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.href !== step);
		steps += 1;
		expect(steps, 'steps before the results').toBeLessThan(12);
	}
	expect(page.url()).toMatch(new RegExp(`/a/${id}/results$`));
	await ready(page, info);
	await expect(page.getByTestId('overall')).toBeVisible();

	// A share link, made and copied with the keyboard.
	await tabTo(page, 'input[name="label"]');
	await page.keyboard.type('for the steering group');
	await tabTo(page, 'button[type="submit"][aria-describedby="share-warning"]');
	await page.keyboard.press('Enter');
	const url = page.getByLabel('New link: copy it now');
	await expect(url).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
	await tabTo(page, '.created button');
	await page.keyboard.press('Enter');
	await expect(page.locator('.created button')).toHaveText('Copied');
	await expectFocusShown(page);
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await url.inputValue());
});
