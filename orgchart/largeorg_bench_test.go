package orgchart_test

import (
	"bytes"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/orgchart/cli"
	"github.com/orgplanner/orgplanner/orgchart/generate"

	"go.yaml.in/yaml/v3"
)

// Very large organisations (issue 7): `orgplanner check` on a 100,000-position
// plan against decoding the same file with the YAML library alone, and
// `orgplanner export --depth 3` on it. docs/performance.md has the figures.
//
//	go test -tags ci -run '^$' -bench 'Check100k|DecodeYAML100k|CheckVsDecode100k' -benchtime 5x ./orgchart/

const largeOrg = 100_000

// largePlanFile writes the generated 100,000-position plan once per benchmark.
func largePlanFile(tb testing.TB) (string, []byte) {
	tb.Helper()
	data := generate.Generate(largeOrg, 7).Encode()
	path := filepath.Join(tb.TempDir(), "org-100k.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path, data
}

// yamlPlan is what decoding a plan with the YAML library alone gives: the
// same fields, into plain structs, by reflection.
type yamlPlan struct {
	Version   int            `yaml:"version"`
	Name      string         `yaml:"name"`
	Scope     []string       `yaml:"scope"`
	Catalog   string         `yaml:"catalog"`
	Policy    map[string]any `yaml:"policy"`
	Positions []struct {
		ID        string   `yaml:"id"`
		Role      string   `yaml:"role"`
		Title     string   `yaml:"title"`
		Holder    string   `yaml:"holder"`
		ReportsTo string   `yaml:"reportsTo"`
		Count     int      `yaml:"count"`
		DottedTo  []string `yaml:"dottedTo"`
		Cost      float64  `yaml:"cost"`
		Notes     string   `yaml:"notes"`
	} `yaml:"positions"`
}

// runCheck is `orgplanner check PATH` in process: read the file, load the
// built-in catalog, read and validate the plan, run every check, print.
func runCheck(tb testing.TB, path string) {
	var stderr bytes.Buffer
	code := cli.Run(&cli.Env{Stdout: io.Discard, Stderr: &stderr, Stdin: strings.NewReader("")}, []string{"check", path})
	if code == cli.ExitInvalid {
		tb.Fatalf("orgplanner check: exit %d\n%s", code, stderr.String())
	}
}

// decodeYAML reads the file and decodes it into yamlPlan.
func decodeYAML(tb testing.TB, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var p yamlPlan
	if err := yaml.Unmarshal(data, &p); err != nil {
		tb.Fatal(err)
	}
	if len(p.Positions) != largeOrg {
		tb.Fatalf("decoded %d positions", len(p.Positions))
	}
}

func BenchmarkCheck100k(b *testing.B) {
	path, data := largePlanFile(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		runCheck(b, path)
	}
}

func BenchmarkDecodeYAML100k(b *testing.B) {
	path, data := largePlanFile(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		decodeYAML(b, path)
	}
}

// BenchmarkDecodeYAMLNode100k decodes into yaml.Node only: the least the YAML
// library does with the file (the plan reader starts from this tree).
func BenchmarkDecodeYAMLNode100k(b *testing.B) {
	path, data := largePlanFile(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		raw, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		var n yaml.Node
		if err := yaml.Unmarshal(raw, &n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckVsDecode100k runs check and decode in turn in each iteration
// and reports the ratio of their times (target: check/decode <= 1.2), so that
// both see the same machine load: the machine is shared.
func BenchmarkCheckVsDecode100k(b *testing.B) {
	path, _ := largePlanFile(b)
	var checkTime, decodeTime time.Duration
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		runCheck(b, path)
		t1 := time.Now()
		decodeYAML(b, path)
		checkTime += t1.Sub(t0)
		decodeTime += time.Since(t1)
	}
	b.ReportMetric(float64(checkTime)/float64(decodeTime), "check/decode")
	b.ReportMetric(checkTime.Seconds()/float64(b.N), "check-s/op")
	b.ReportMetric(decodeTime.Seconds()/float64(b.N), "decode-s/op")
}

// TestExportDepth3On100k: `orgplanner export --depth 3` on a 100,000-position
// plan writes a PNG of the top three levels.
func TestExportDepth3On100k(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000-position export: skipped with -short")
	}
	path, _ := largePlanFile(t)
	out := filepath.Join(t.TempDir(), "top.png")
	var stdout, stderr bytes.Buffer
	code := cli.Run(&cli.Env{Stdout: &stdout, Stderr: &stderr, Stdin: strings.NewReader("")},
		[]string{"export", path, "--depth", "3", "-o", out})
	if code != cli.ExitOK {
		t.Fatalf("orgplanner export --depth 3: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("the export is not a PNG: %v", err)
	}
	if cfg.Width < 200 || cfg.Height < 100 {
		t.Errorf("the export is %dx%d: too small to hold three levels", cfg.Width, cfg.Height)
	}
	t.Logf("export --depth 3 of %d positions: %dx%d PNG", largeOrg, cfg.Width, cfg.Height)
}
