package leaks

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"os/signal"
	"testing"
	"time"
	"unique"
)

func TestTop(t *testing.T) {
	go Block()
}

func TestSub(t *testing.T) {
	t.Run("with space", func(t *testing.T) {
		go Block()
	})
	t.Run("outer", func(t *testing.T) {
		t.Run("inner#x", func(t *testing.T) {
			go Block()
		})
	})
}

func TestTable(t *testing.T) {
	cases := []struct{ name string }{{"first"}, {"second"}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			Serve(make(chan struct{}))
		})
	}
}

func TestParallel(t *testing.T) {
	t.Parallel()
	go Block()
}

func TestNested(t *testing.T) {
	go func() {
		go Block()
		Block()
	}()
	time.Sleep(10 * time.Millisecond)
}

func TestSignal(t *testing.T) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
}

func TestUnique(t *testing.T) {
	a := netip.MustParseAddr("fe80::1%eth0")
	h := unique.Make("goleak-run")
	if a.Zone() != "eth0" || h.Value() != "goleak-run" {
		t.Fatal("unexpected")
	}
}

func TestHTTPServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

func TestAfterFunc(t *testing.T) {
	time.AfterFunc(time.Millisecond, Block)
	time.Sleep(10 * time.Millisecond)
}

func FuzzSeed(f *testing.F) {
	f.Add("seed")
	f.Fuzz(func(t *testing.T, s string) {
		go Block()
	})
}
