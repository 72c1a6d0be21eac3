package cli

import (
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// readRegular reads a plan-sized regular file, refusing a FIFO, a device or
// a folder before opening it (opening a FIFO would block for good). A file
// beyond the limit is refused with the reader's own message.
func readRegular(path string) ([]byte, error) {
	data, err := safefile.ReadFile(path, orgchart.MaxFileSize)
	if err != nil {
		return nil, catalog.Problems{{File: path, Message: unwrapPathError(err).Error()}}
	}
	return data, nil
}
