import { apiError, notFound } from './http';
import { isShareToken } from './shares';

/**
 * The answer for an id that names no assessment. A share token used in its place is recognised
 * and refused with 403: share links read, they never edit.
 */
export async function missingAssessment(id: string): Promise<Response> {
	if (await isShareToken(id)) {
		return apiError(
			403,
			'This is a read-only share link: it cannot edit. Read it at /api/shared/{token}.'
		);
	}
	return notFound();
}
