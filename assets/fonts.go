package assets

import _ "embed"

// The chart's typeface, Noto Sans (SIL Open Font License 1.1, see
// fonts/OFL.txt), from Debian's fonts-noto-core. It covers Latin, Greek and
// Cyrillic; orgchart/look falls back to the system's fonts for other scripts.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	NotoSansRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	NotoSansBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	NotoSansItalic []byte
	//go:embed fonts/OFL.txt
	FontLicence string
)
