package cli

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// DisplayAvailable reports why the app cannot open a window, before the
// windowing library is asked to (it panics with a stack trace when there is
// no display). Only Linux and the BSDs need a display server named in the
// environment; elsewhere it always returns nil.
func DisplayAvailable() error {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
	default:
		return nil
	}
	if w := os.Getenv("WAYLAND_DISPLAY"); w != "" {
		sock := w
		if !filepath.IsAbs(sock) {
			sock = filepath.Join(os.Getenv("XDG_RUNTIME_DIR"), w)
		}
		if c, err := net.DialTimeout("unix", sock, time.Second); err == nil {
			c.Close()
			return nil
		}
	}
	d := os.Getenv("DISPLAY")
	if d == "" {
		return errors.New("no display (neither DISPLAY nor WAYLAND_DISPLAY is set)")
	}
	if err := dialX(d); err != nil {
		return errors.New("the display " + d + " does not answer")
	}
	return nil
}

// dialX connects to an X display named as ":1", "unix:1.0" or "host:1".
func dialX(d string) error {
	host, num, ok := strings.Cut(d, ":")
	if !ok {
		return errors.New("not a display name")
	}
	num, _, _ = strings.Cut(num, ".")
	network, addr := "unix", "/tmp/.X11-unix/X"+num
	if host != "" && host != "unix" && !strings.HasPrefix(host, "/") {
		n := 0
		for _, c := range num {
			if c < '0' || c > '9' {
				return errors.New("bad display number")
			}
			n = n*10 + int(c-'0')
		}
		network, addr = "tcp", net.JoinHostPort(host, strconv.Itoa(6000+n))
	} else if strings.HasPrefix(host, "/") {
		addr = d // launchd-style socket path (XQuartz): "/private/tmp/...:0"
		if _, err := os.Stat(host + ":" + num); err == nil {
			return nil
		}
	}
	c, err := net.DialTimeout(network, addr, 2*time.Second)
	if err != nil {
		// Abstract sockets (Linux) are used when the file is missing.
		if network == "unix" {
			if c2, err2 := net.DialTimeout("unix", "@"+addr, time.Second); err2 == nil {
				c2.Close()
				return nil
			}
		}
		return err
	}
	c.Close()
	return nil
}
