// Money as exact integer cents (BigInt), never floating point: the API sends "1499.99".

export function toCents(text) {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(text).trim());
  if (!match) throw new Error('not an amount: ' + text);
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] || '0').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

export function fromCents(cents) {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = (abs / 100n).toString();
  const frac = (abs % 100n).toString().padStart(2, '0');
  return (negative ? '-' : '') + whole + '.' + frac;
}

/** "1234.50" → "$1,234.50" (grouping by hand: Intl would go through a float). */
export function formatMoney(value) {
  const text = typeof value === 'bigint' ? fromCents(value) : fromCents(toCents(value));
  const [whole, frac] = text.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (text.startsWith('-') ? '−' : '') + '$' + grouped + '.' + frac;
}

export function times(price, quantity) {
  return toCents(price) * BigInt(quantity);
}
