import { describe, expect, it } from 'vitest';
import { cancelSchema } from './requests';

describe('cancelSchema', () => {
	// One click used to cancel a request for good.
	it('refuses a cancel without the tick that says you are sure', () => {
		expect(cancelSchema.safeParse({}).error?.issues[0]?.message).toBe(
			'Vink aan dat je de hulpvraag echt wilt annuleren.'
		);
		expect(cancelSchema.safeParse({ confirmed: 'on' }).success).toBe(false);
	});

	it('accepts the ticked box', () => {
		expect(cancelSchema.safeParse({ confirmed: 'yes' }).success).toBe(true);
	});
});
