import bold from '$lib/assets/fonts/DejaVuSans-Bold.ttf?inline';
import regular from '$lib/assets/fonts/DejaVuSans.ttf?inline';
import type { ReportFont } from '$lib/report/fonts';

// The fonts are bundled into the server build (no file path to resolve at run time) and decoded
// once, when the first report is requested.
const decode = (dataUrl: string) =>
	new Uint8Array(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));

export const reportFont: ReportFont = { regular: decode(regular), bold: decode(bold) };
