import { expect, test } from 'vitest';
import { Rng } from './random';

const draw = (r: Rng, n: number, f: (r: Rng) => number) => Array.from({ length: n }, () => f(r));

test('the same seed gives the same stream; another seed another', () => {
  expect(draw(new Rng(42), 5, (r) => r.next())).toEqual(draw(new Rng(42), 5, (r) => r.next()));
  expect(draw(new Rng(42), 5, (r) => r.next())).not.toEqual(draw(new Rng(43), 5, (r) => r.next()));
});

test('forked streams are independent of how much the parent or siblings draw', () => {
  const a = new Rng(7);
  const b = new Rng(7);
  draw(b, 100, (r) => r.next());
  draw(b.fork('other'), 100, (r) => r.next());
  expect(draw(a.fork('net'), 5, (r) => r.next())).toEqual(draw(b.fork('net'), 5, (r) => r.next()));
});

test('distributions have the means and spreads theory says', () => {
  const n = 50_000;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const exp = draw(new Rng(1), n, (r) => r.exponential(200));
  expect(mean(exp)).toBeGreaterThan(196);
  expect(mean(exp)).toBeLessThan(204);
  // Exponential: P(X > mean) = e^-1.
  expect(exp.filter((x) => x > 200).length / n).toBeCloseTo(Math.exp(-1), 2);
  const norm = draw(new Rng(2), n, (r) => r.normal(10, 3));
  const m = mean(norm);
  const sd = Math.sqrt(mean(norm.map((x) => (x - m) ** 2)));
  expect(m).toBeCloseTo(10, 1);
  expect(sd).toBeCloseTo(3, 1);
  const logn = draw(new Rng(3), n, (r) => r.lognormal(100, 0.5)).sort((x, y) => x - y);
  expect(logn[n / 2]).toBeGreaterThan(97);
  expect(logn[n / 2]).toBeLessThan(103);
  const u = draw(new Rng(4), n, (r) => r.uniform(5, 15));
  expect(Math.min(...u)).toBeGreaterThanOrEqual(5);
  expect(Math.max(...u)).toBeLessThan(15);
});
