// Numbers as Dutch readers write them: thousands grouped with a dot ("1.583", "570.000").
const numbers = new Intl.NumberFormat('nl-NL');

export const formatNumber = (n: number) => numbers.format(n);
