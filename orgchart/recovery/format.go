package recovery

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// The copy file: a fixed header, then the plan bytes unchanged.
//
//	# orgplanner recovery copy 1
//	# plan: /home/ada/plans/platform.yaml
//	# saved: 2027-01-05T10:04:05.123456789Z
//	# sha256: 64 hex digits of the plan bytes
const magic = "# orgplanner recovery copy 1\n"

func encodeCopy(abs string, saved time.Time, data []byte) []byte {
	sum := sha256.Sum256(data)
	var b bytes.Buffer
	b.Grow(len(data) + 256)
	b.WriteString(magic)
	b.WriteString("# plan: " + strconv.Quote(abs) + "\n")
	b.WriteString("# saved: " + saved.UTC().Format(time.RFC3339Nano) + "\n")
	b.WriteString("# sha256: " + hex.EncodeToString(sum[:]) + "\n")
	b.Write(data)
	return b.Bytes()
}

// readCopy reads and verifies one copy file.
func readCopy(file string) (Copy, []byte, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return Copy{}, nil, fmt.Errorf("recovery: reading %s: %w", file, err)
	}
	c, data, err := decodeCopy(raw)
	if err != nil {
		return Copy{}, nil, fmt.Errorf("recovery: %s is damaged and cannot be restored: %w", file, err)
	}
	c.File = file
	return c, data, nil
}

func decodeCopy(raw []byte) (Copy, []byte, error) {
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return Copy{}, nil, fmt.Errorf("not a recovery copy (first line is not %q)", strings.TrimSpace(magic))
	}
	rest := raw[len(magic):]
	var fields [3]string
	for i, key := range []string{"# plan: ", "# saved: ", "# sha256: "} {
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 || !bytes.HasPrefix(rest, []byte(key)) {
			return Copy{}, nil, fmt.Errorf("header line %d should start with %q", i+2, key)
		}
		fields[i] = string(rest[len(key):nl])
		rest = rest[nl+1:]
	}
	var c Copy
	var err error
	if c.PlanPath, err = strconv.Unquote(fields[0]); err != nil {
		return Copy{}, nil, fmt.Errorf("plan path %s: %w", fields[0], err)
	}
	if c.Saved, err = time.Parse(time.RFC3339Nano, fields[1]); err != nil {
		return Copy{}, nil, fmt.Errorf("saved time: %w", err)
	}
	sum := sha256.Sum256(rest)
	if hex.EncodeToString(sum[:]) != fields[2] {
		return Copy{}, nil, fmt.Errorf("checksum mismatch: the copy is truncated or was changed")
	}
	c.Size = len(rest)
	return c, rest, nil
}
