package people

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decode returns data as UTF-8 and the encoding it was read from ("" for
// plain UTF-8). Spreadsheets save people lists in four ways: UTF-8, UTF-8
// with a byte-order mark, UTF-16 with a byte-order mark (Excel's "Unicode
// Text", little-endian and tab separated) and the Windows code page. A file
// that is not valid UTF-8 and has no UTF-16 mark is read as Windows-1252
// ("José" as one byte per letter), which is what such files almost always are.
func decode(data []byte) (out []byte, enc string, err error) {
	var dec *encoding.Decoder
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data, enc = data[3:], "utf-8 with byte-order mark"
		if utf8.Valid(data) {
			return data, enc, nil
		}
		dec, enc = charmap.Windows1252.NewDecoder(), "windows-1252"
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		dec, enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder(), "utf-16le"
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		dec, enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder(), "utf-16be"
	case utf8.Valid(data):
		return data, "", nil
	default:
		dec, enc = charmap.Windows1252.NewDecoder(), "windows-1252"
	}
	out, err = dec.Bytes(data)
	if err != nil {
		return nil, enc, err
	}
	return out, enc, nil
}
