// The most a cheque (or a Pluim) is ever worth, and so the most one redemption takes: € 1.000,00.
// The SQL says the same in `schemes.cheque_value_cents`, `redemptions.amount_cents` and
// `redeem_cheque` (100000); tests/integration/mantelzorg/redeem-counter.test.ts holds them equal.
export const MAX_CHEQUE_CENTS = 100_000;
