/** Hands a Blob to the browser as a download with the given file name. */
export function saveFile(blob: Blob, fileName: string) {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoking at once can cut a large download short in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
