package hang

import (
	"net/netip"
	"os"
	"os/signal"
	"testing"
	"unique"
)

var forever = make(chan struct{})

func TestSignalAndUnique(t *testing.T) {
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
	if netip.MustParseAddr("fe80::1%eth0").Zone() != unique.Make("eth0").Value() {
		t.Fatal("unexpected")
	}
}

func TestWaitsParallel(t *testing.T) {
	t.Parallel()
}

func TestHang(t *testing.T) {
	t.Run("stuck", func(t *testing.T) {
		go func() { <-forever }()
		<-forever
	})
}
