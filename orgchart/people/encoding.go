package people

import (
	"unicode/utf8"
)

// cp1252 maps the bytes 0x80-0x9F of Windows-1252 to their characters; the
// other bytes are Latin-1, which is Unicode's first 256 code points.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// toUTF8 returns data as UTF-8. A file that is not valid UTF-8 is almost
// always a spreadsheet saved in the Windows code page ("José" as one byte
// per letter), so it is read as Windows-1252; ok is false then, for the report.
func toUTF8(data []byte) (out []byte, ok bool) {
	if utf8.Valid(data) {
		return data, true
	}
	out = make([]byte, 0, len(data)+len(data)/8)
	for _, b := range data {
		switch {
		case b < 0x80:
			out = append(out, b)
		case b < 0xA0:
			out = utf8.AppendRune(out, cp1252[b-0x80])
		default:
			out = utf8.AppendRune(out, rune(b))
		}
	}
	return out, false
}
