//go:build ignore

// A display socket that takes connections and closes them at once: what the
// app meets on a display it may not use (another user's X server without its
// cookie) or a socket that is no X server. Used by refusing_display.sh.
package main

import (
	"net"
	"os"
)

func main() {
	_ = os.Remove(os.Args[1])
	l, err := net.Listen("unix", os.Args[1])
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		c.Close()
	}
}
