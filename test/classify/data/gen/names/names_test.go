package names

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// TestNames prints, for each t.Run literal, the Go-quoted literal and the name testing gave it.
func TestNames(t *testing.T) {
	for _, lit := range []string{"with space", "tab\there", "", "nb\u00a0sp", "ctl\x01\x7f", "a/b", "café", "zero\u200bwidth", "line\u2028sep", "emoji😀", "wide\U000e0001tag"} {
		t.Run(lit, func(t *testing.T) {
			fmt.Printf("%s\t%s\n", strconv.Quote(lit), strings.TrimPrefix(t.Name(), "TestNames/"))
		})
	}
}
