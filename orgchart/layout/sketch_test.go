package layout

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/generate"
)

// sketch draws a layout's cards and lines small, for a person to look at
// (LAYOUT_SKETCH=dir go test -run Sketch).
func sketch(t *testing.T, l *Layout, path string, scale float32) {
	w, h := int(l.Width*scale)+2, int(l.Height*scale)+2
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	box := color.RGBA{230, 236, 250, 255}
	for _, c := range l.Cards {
		if c.Below > 30 {
			r := c.Subtree
			for y := int(r.Y * scale); y < int((r.Y+r.H)*scale); y++ {
				for x := int(r.X * scale); x < int((r.X+r.W)*scale); x++ {
					if img.RGBAAt(x, y) == (color.RGBA{255, 255, 255, 255}) {
						img.SetRGBA(x, y, box)
					}
				}
			}
		}
	}
	for _, c := range l.Cards {
		col := color.RGBA{60, 90, 200, 255}
		if c.Below > 0 {
			col = color.RGBA{200, 60, 60, 255}
		}
		for y := int(c.Y * scale); y < int((c.Y+c.H)*scale); y++ {
			for x := int(c.X * scale); x < int((c.X+c.W)*scale); x++ {
				img.SetRGBA(x, y, col)
			}
		}
	}
	for _, e := range l.Edges {
		col := color.RGBA{0, 0, 0, 255}
		if e.Dotted {
			col = color.RGBA{0, 170, 0, 255}
		}
		for k := 1; k < len(e.Points); k++ {
			a, b := e.Points[k-1], e.Points[k]
			x0, x1 := int(min(a.X, b.X)*scale), int(max(a.X, b.X)*scale)
			y0, y1 := int(min(a.Y, b.Y)*scale), int(max(a.Y, b.Y)*scale)
			for y := y0; y <= y1; y++ {
				for x := x0; x <= x1; x++ {
					img.SetRGBA(x, y, col)
				}
			}
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

func TestSketch(t *testing.T) {
	dir := os.Getenv("LAYOUT_SKETCH")
	if dir == "" {
		t.Skip("LAYOUT_SKETCH not set")
	}
	sketch(t, Compute(generate.Shaped(generate.RealSize, 1), Options{}), dir+"/shaped.png", 0.1)
	sketch(t, Compute(enterprisePlan(t), Options{}), dir+"/enterprise.png", 0.06)
	sketch(t, Compute(randomPlan(300, 3), Options{}), dir+"/random.png", 0.15)
}
