package cli

import (
	"bytes"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const samplesDir = "../../assets/samples/"

func runExportCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader("")}, append([]string{"export"}, args...))
	return code, out.String(), errOut.String()
}

func TestExportWritesAPNG(t *testing.T) {
	out := filepath.Join(t.TempDir(), "chart.png")
	code, stdout, stderr := runExportCmd(t, samplesDir+"startup.yaml", "-o", out, "--theme", "dark", "--scale", "2")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if !strings.Contains(stdout, "41 of 41 positions") || cfg.Width < 2000 {
		t.Fatalf("stdout %q, image %dx%d", stdout, cfg.Width, cfg.Height)
	}
	// No temporary files are left beside the chart.
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Fatalf("%d files in the output folder, want 1", len(entries))
	}
}

func TestExportSubtreeAndDepth(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runExportCmd(t, samplesDir+"scaleup.yaml", "-o", filepath.Join(dir, "a.png"), "--subtree", "VP of Data and AI", "--depth", "1", "--no-findings")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout, "398 of 398") {
		t.Fatalf("the subtree drew the whole plan: %s", stdout)
	}
	// Ambiguous text lists the candidates with their ids.
	code, _, stderr = runExportCmd(t, samplesDir+"scaleup.yaml", "-o", filepath.Join(dir, "b.png"), "--subtree", "engineering manager")
	if code != ExitInvalid || !strings.Contains(stderr, "matches") || strings.Count(stderr, "\n") < 3 {
		t.Fatalf("ambiguous subtree: exit %d, %q", code, stderr)
	}
	code, _, stderr = runExportCmd(t, samplesDir+"scaleup.yaml", "-o", filepath.Join(dir, "c.png"), "--subtree", "Chief Astrologer")
	if code != ExitInvalid || !strings.Contains(stderr, "matches no position") {
		t.Fatalf("unknown subtree: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.png")); err == nil {
		t.Fatal("a failed export left a file")
	}
}

func TestExportRefusesHugeCharts(t *testing.T) {
	out := filepath.Join(t.TempDir(), "big.png")
	code, _, stderr := runExportCmd(t, samplesDir+"enterprise.yaml", "-o", out, "--scale", "4")
	if code != ExitInvalid {
		t.Fatalf("exit %d, want %d: %s", code, ExitInvalid, stderr)
	}
	for _, want := range []string{"32767 pixels", "--subtree", "--depth", "--scale"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("message lacks %q: %s", want, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a refused export left a file")
	}
}

func TestExportUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{samplesDir + "startup.yaml"}, // no -o
		{samplesDir + "startup.yaml", "-o", filepath.Join(dir, "x.png"), "--scale", "0"},
		{samplesDir + "startup.yaml", "-o", filepath.Join(dir, "x.png"), "--theme", "sepia"},
		{samplesDir + "startup.yaml", "-o", filepath.Join(dir, "x.png"), "--depth", "-1"},
		{samplesDir + "startup.yaml", "-o", filepath.Join(dir, "x.gif")},
		{"no-such-plan.yaml", "-o", filepath.Join(dir, "x.png")},
		{samplesDir + "startup.yaml", "-o", filepath.Join(dir, "no-such-dir", "x.png")},
	} {
		if code, _, stderr := runExportCmd(t, args...); code != ExitInvalid || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, stdout, _ := runExportCmd(t, "--help"); code != ExitOK || !strings.Contains(stdout, "--subtree") {
		t.Errorf("help: exit %d, %q", code, stdout)
	}
}

func TestExportVectorFormats(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ out, magic, want string }{
		{"chart.svg", "<?xml", "px"},
		{"chart.pdf", "%PDF-", "one page of"},
		{"tiles.pdf", "%PDF-", "A4 landscape pages"},
	} {
		args := []string{samplesDir + "startup.yaml", "-o", filepath.Join(dir, c.out)}
		if c.out == "tiles.pdf" {
			args = append(args, "--page", "A4", "--landscape")
		}
		code, stdout, stderr := runExportCmd(t, args...)
		if code != ExitOK || !strings.Contains(stdout, c.want) {
			t.Fatalf("%s: exit %d, %q %q", c.out, code, stdout, stderr)
		}
		data, _ := os.ReadFile(filepath.Join(dir, c.out))
		if !bytes.HasPrefix(data, []byte(c.magic)) {
			t.Fatalf("%s starts %q", c.out, data[:min(len(data), 10)])
		}
	}
}

func TestExportToStandardOutput(t *testing.T) {
	for _, format := range []string{"png", "svg", "pdf", "csv"} {
		code, stdout, stderr := runExportCmd(t, samplesDir+"startup.yaml", "-o", "-", "--format", format)
		if code != ExitOK || !strings.Contains(stderr, "wrote standard output") {
			t.Fatalf("%s: exit %d, stderr %q", format, code, stderr)
		}
		magic := map[string]string{"png": "\x89PNG", "svg": "<?xml", "pdf": "%PDF-", "csv": ""}[format]
		if !strings.HasPrefix(stdout, magic) || len(stdout) < 1000 {
			t.Fatalf("%s: standard output starts %q", format, stdout[:min(len(stdout), 10)])
		}
	}
	// Without --format there is nothing to tell the format from.
	if code, _, stderr := runExportCmd(t, samplesDir+"startup.yaml", "-o", "-"); code != ExitInvalid || !strings.Contains(stderr, "--format") {
		t.Fatalf("-o - without --format: exit %d, %q", code, stderr)
	}
	// --format overrides the extension.
	out := filepath.Join(t.TempDir(), "chart.png")
	if code, _, stderr := runExportCmd(t, samplesDir+"startup.yaml", "-o", out, "--format", "svg"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(out); !bytes.HasPrefix(data, []byte("<?xml")) {
		t.Fatal("--format svg did not write SVG")
	}
}

func TestExportRefusesNonFiniteNumbers(t *testing.T) {
	dir := t.TempDir()
	for _, view := range []string{"chart", "spans", "coverage"} {
		for _, v := range []string{"NaN", "nan", "Inf", "-Inf", "+Inf", "1e400"} {
			out := filepath.Join(dir, "x.png")
			code, _, stderr := runExportCmd(t, samplesDir+"startup.yaml", "-o", out, "--view", view, "--scale", v)
			if code != ExitInvalid || stderr == "" {
				t.Errorf("--view %s --scale %s: exit %d, %q", view, v, code, stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Fatalf("--scale %s wrote a file", v)
			}
		}
	}
}

func TestExportOptionCombinations(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"-o", filepath.Join(dir, "x.png"), "--page", "A4"},         // pages are for PDF
		{"-o", filepath.Join(dir, "x.pdf"), "--page", "B5"},         // unknown paper
		{"-o", filepath.Join(dir, "x.pdf"), "--landscape"},          // landscape without a page
		{"-o", filepath.Join(dir, "x.svg"), "--view", "spans"},      // pictures are PNG
		{"-o", filepath.Join(dir, "x.png"), "--background", "pink"}, // unknown background
		{"-o", filepath.Join(dir, "x.png"), "--format", "gif"},      // unknown format
		{"-o", filepath.Join(dir, "chart"), "--theme", "dark"},      // no extension, no --format
	} {
		if code, _, stderr := runExportCmd(t, append([]string{samplesDir + "startup.yaml"}, args...)...); code != ExitInvalid || stderr == "" {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("refused exports left %d files", len(entries))
	}
}

func TestExportWritesThroughASymbolicLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.svg")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.svg")
	if err := os.Symlink("real.svg", link); err != nil {
		t.Skip(err)
	}
	if code, _, stderr := runExportCmd(t, samplesDir+"startup.yaml", "-o", link); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the symbolic link was replaced")
	}
	data, _ := os.ReadFile(target)
	fi, _ := os.Stat(target)
	if !bytes.HasPrefix(data, []byte("<?xml")) || fi.Mode().Perm() != 0o600 {
		t.Fatalf("target: %q..., mode %v", data[:min(len(data), 8)], fi.Mode())
	}
}

func TestExportLongPlanNameSuggestsAScaleThatFits(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(samplesDir + "enterprise.yaml")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Wide name ", 1000) // 10 kB
	plan := strings.Replace(string(data), "\nname: ", "\nname: "+long, 1)
	if plan == string(data) {
		t.Fatal("the sample has no name line")
	}
	path := filepath.Join(dir, "long.yaml")
	os.WriteFile(path, []byte(plan), 0o644)
	out := filepath.Join(dir, "x.png")
	code, _, stderr := runExportCmd(t, path, "-o", out, "--scale", "8")
	if code != ExitInvalid {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	m := regexp.MustCompile(`--scale ([0-9.]+) \(smaller\)`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no scale suggested: %s", stderr)
	}
	if code, _, stderr := runExportCmd(t, path, "-o", out, "--scale", m[1]); code != ExitOK {
		t.Fatalf("the suggested --scale %s does not fit: %s", m[1], stderr)
	}
}

// failingWriter fails every write, as standard output on a full disk.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

func TestExportToAFailingStandardOutput(t *testing.T) {
	for _, format := range []string{"png", "svg", "pdf", "csv"} {
		var errOut bytes.Buffer
		code := Run(&Env{Stdout: failingWriter{}, Stderr: &errOut, Stdin: strings.NewReader("")},
			[]string{"export", samplesDir + "startup.yaml", "-o", "-", "--format", format})
		if code != ExitInvalid || !strings.Contains(errOut.String(), "no space left") {
			t.Errorf("%s: exit %d, %q", format, code, errOut.String())
		}
	}
}

// TestExportSaysTheDensityPlainly: at --scale 0.4 the message said
// "at 38.400000000000006 dpi".
func TestExportSaysTheDensityPlainly(t *testing.T) {
	out := filepath.Join(t.TempDir(), "chart.png")
	code, stdout, stderr := runExportCmd(t, samplesDir+"startup.yaml", "-o", out, "--scale", "0.4")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, " at 38.4 dpi)") {
		t.Fatalf("stdout %q", stdout)
	}
}
