// Command goleakrun-helper is the part of goleak-run's --stress mode that is best written in
// Go. goleak-run builds it with the user's own toolchain (so go/parser reads the user's Go
// exactly as their compiler does) and caches the binary per toolchain version.
//
//	goleakrun-helper rewrite    reads a rewrite request (JSON) on stdin, writes the rewritten
//	                            files (JSON) on stdout: see rewrite.go
//	goleakrun-helper supervise  runs processes on request, all in this helper's process
//	                            group, so that stopping that one group stops every test
//	                            binary: see supervise.go
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: goleakrun-helper rewrite|supervise")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "rewrite":
		err = rewriteMain(os.Stdin, os.Stdout)
	case "supervise":
		err = superviseMain(os.Stdin, os.Stdout)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "goleakrun-helper:", err)
		os.Exit(1)
	}
}
