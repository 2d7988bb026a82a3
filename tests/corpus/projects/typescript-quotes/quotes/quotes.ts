export const quotes: readonly string[] = [
  'Simplicity is prerequisite for reliability.',
  'Make it work, make it right, make it fast.',
  'The best code is no code at all.',
];

export function pick(n: number): string {
  return quotes[Math.abs(Math.trunc(n)) % quotes.length];
}
