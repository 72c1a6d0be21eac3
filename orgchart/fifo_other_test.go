//go:build !unix

package orgchart_test

import "errors"

func mkfifo(string) error { return errors.New("no FIFOs on this system") }
