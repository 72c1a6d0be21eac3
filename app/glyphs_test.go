package app

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"github.com/orgplanner/orgplanner/assets"
)

// The window draws in the theme's Noto Sans (the exports in the shipped
// one): a character the font lacks comes from a system fallback font, or
// is a blank box where there is none (the review's "▸"/"▾", the collapse
// button's and the comparison's "−" relied on one). Every string and rune
// literal in the app's code (the app draws nearly all of them) is written
// in characters every one of those fonts has.
func TestTheAppsTextUsesCharactersTheShippedFontsHave(t *testing.T) {
	var faces []*font.Face
	for _, data := range [][]byte{assets.NotoSansRegular, assets.NotoSansBold, assets.NotoSansItalic,
		theme.DefaultTextFont().Content(), theme.DefaultTextBoldFont().Content(), theme.DefaultTextItalicFont().Content()} {
		f, err := font.ParseTTF(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		faces = append(faces, f)
	}
	files := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		files++
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING && lit.Kind != token.CHAR {
				return true
			}
			s := lit.Value
			if lit.Kind == token.CHAR {
				s = `"` + strings.Trim(s, "'") + `"`
			}
			text, err := strconv.Unquote(s)
			if err != nil {
				return true
			}
			for _, r := range text {
				if r < ' ' || r == 0x7f {
					continue
				}
				for _, face := range faces {
					if _, ok := face.NominalGlyph(r); !ok {
						t.Errorf("%s: %q (%U) is not in the shipped Noto Sans: %s", fset.Position(lit.Pos()), r, r, lit.Value)
						break
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Errorf("read only %d files of the app", files)
	}
}
