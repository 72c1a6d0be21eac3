package render

import (
	"os"
	"testing"

	"github.com/orgplanner/orgplanner/orgchart/layout"
)

func TestTryVector(t *testing.T) {
	for _, name := range []string{"startup", "scaleup", "enterprise"} {
		p, cat := loadSample(t, name)
		l := layout.Compute(p, layout.Options{})
		for _, f := range []string{"svg", "pdf", "png"} {
			out, _ := os.Create("/tmp/vec/" + name + "." + f)
			res, err := Export(out, f, p, cat, l, Options{Date: "1 Dec 2026"})
			out.Close()
			if err != nil {
				t.Log(name, f, err)
			}
			t.Log(name, f, res)
		}
	}
	p, cat := loadSample(t, "scaleup")
	l := layout.Compute(p, layout.Options{})
	out, _ := os.Create("/tmp/vec/scaleup-a4.pdf")
	res, err := Export(out, "pdf", p, cat, l, Options{Page: "A4", Landscape: true})
	out.Close()
	t.Log(res, err)
}
