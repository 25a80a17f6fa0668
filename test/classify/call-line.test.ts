import { describe, expect, it } from 'vitest';
import { callLine } from '../../src/classify/call-line.js';
import { parseGoFile } from '../../src/go-source/go-functions.js';

const SOURCE = `package p

func TestX(t *testing.T) {
	srv := httptest.NewServer(h)
	resp, err := http.Get(srv.URL)
	t.Run("a", func(t *testing.T) {
		srv.Start()
		done()
	})
	_ = New[int]()
	ok()
}
`;
const file = parseGoFile(SOURCE);

describe('callLine: an ancestor frame’s return address moved back to its call', () => {
  it('finds the call of the callee at or above the printed line', () => {
    expect(callLine(file, 'example.com/p.TestX', 'net/http/httptest.NewServer', 5)).toBe(4);
    expect(callLine(file, 'example.com/p.TestX', 'net/http.Get', 5)).toBe(5);
    expect(callLine(file, 'example.com/p.TestX', 'example.com/p.New[...]', 11)).toBe(10);
  });

  it('looks only in the caller’s own body: a closure’s calls are the closure’s', () => {
    expect(callLine(file, 'example.com/p.TestX.func1', 'net/http/httptest.(*Server).Start', 8)).toBe(7);
    expect(callLine(file, 'example.com/p.TestX', 'net/http/httptest.(*Server).Start', 10)).toBe(10);
  });

  it('keeps the printed line when the caller, the callee or the call cannot be found', () => {
    expect(callLine(undefined, 'example.com/p.TestX', 'net/http.Get', 5)).toBe(5);
    expect(callLine(file, 'example.com/p.TestY', 'net/http.Get', 5)).toBe(5);
    expect(callLine(file, 'example.com/p.TestX', 'example.com/p.TestX.func1', 9)).toBe(9);
    expect(callLine(file, 'example.com/p.TestX', 'net/http.Post', 5)).toBe(5);
    expect(callLine(file, 'example.com/p.TestX', 'net/http.Get', 40)).toBe(40);
  });
});
