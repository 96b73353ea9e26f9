import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://localhost:${PORT}`;
// Each run gets an empty store on disk, like a fresh install.
const DATA_DIR = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'lock-in-radar-e2e-'));

// Machines that cannot download Playwright's browser use Debian's Chromium instead.
const systemChromium = '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
	? {
			executablePath: systemChromium,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
		}
	: {};

// The README's screenshots (tests/e2e/screenshots.spec.ts) run only when asked: SCREENSHOTS=1.
const screenshots = process.env.SCREENSHOTS ? [] : [/@screenshot/];

export default defineConfig({
	testDir: 'e2e',
	outputDir: '../test-results',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: [['list']],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: BASE_URL,
		trace: 'retain-on-failure',
		launchOptions
	},
	projects: [
		{
			name: 'js',
			use: { ...devices['Desktop Chrome'], launchOptions },
			grepInvert: [/@nojs/, ...screenshots]
		},
		{
			name: 'no-js',
			use: { ...devices['Desktop Chrome'], javaScriptEnabled: false, launchOptions },
			grepInvert: [/@js/, ...screenshots]
		}
	],
	webServer: {
		command: 'node build',
		cwd: '..',
		url: BASE_URL,
		reuseExistingServer: false,
		timeout: 60_000,
		// No ORIGIN: the browser talks plain HTTP to localhost, as after the README's `npm start`.
		env: { PORT: String(PORT), DATA_DIR, RATE_LIMITS: 'off', DATABASE_URL: '' }
	}
});
