package cli

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
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
