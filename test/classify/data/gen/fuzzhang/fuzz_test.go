package fuzzhang

import "testing"

var forever = make(chan struct{})

func FuzzHang(f *testing.F) {
	f.Add("seed")
	f.Fuzz(func(t *testing.T, s string) {
		<-forever
	})
}
