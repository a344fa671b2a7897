// The inputs of the "Voor jou" ranking, mirrored from public.suggest_requests_for_me so they can be
// unit-tested and explained on screen. The SQL function is the one that ranks.
import { overlaps } from './availability';

export const WEIGHTS = { distance: 0.35, category: 0.3, availability: 0.2, urgency: 0.15 } as const;

export const distanceScore = (distanceKm: number, radiusKm: number) =>
	Math.max(0, 1 - distanceKm / Math.max(radiusKm, 1));

export const categoryScore = (category: string, preferred: readonly string[]) =>
	preferred.length === 0 || preferred.includes(category) ? 1 : 0;

export const availabilityScore = (requestMask: number, volunteerMask: number) =>
	overlaps(requestMask, volunteerMask) ? 1 : 0;

/** Sooner is more urgent: today (or already begun) 1, in two weeks or later 0; flexible 0.3. */
export function urgencyScore(startsOn: string | null, today: string): number {
	if (!startsOn) return 0.3;
	const days =
		(Date.parse(`${startsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
	return Math.min(1, Math.max(0, 1 - days / 14));
}

export function score(parts: {
	distance: number;
	category: number;
	availability: number;
	urgency: number;
}): number {
	const total =
		WEIGHTS.distance * parts.distance +
		WEIGHTS.category * parts.category +
		WEIGHTS.availability * parts.availability +
		WEIGHTS.urgency * parts.urgency;
	return Math.round(total * 10_000) / 10_000;
}
