package orgchart_test

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/generate"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

// crashChildEnv tells a re-executed test binary to be the saving child.
const crashChildEnv = "ORGPLANNER_CRASHSAVE_CHILD"

// crashPlans are the two plans the child saves in turn: "old" and "new"
// (5,000 positions, about 0.9 MB each: a save takes long enough to be hit).
func crashPlans() (old, new *orgchart.Plan) {
	old = generate.Generate(5_000, 1)
	new = generate.Generate(5_000, 2)
	new.Name = "After the reorg"
	return old, new
}

// TestCrashDuringSave kills a process that is saving a large plan over a
// file, many times at random moments, and checks after every kill that the
// file is exactly the complete old plan or the complete new one, and reads.
func TestCrashDuringSave(t *testing.T) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("50 kills of a child process: skipped with -short")
	}
	a, b := crashPlans()
	oldPlan, newPlan := a.Encode(), b.Encode()
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(path, oldPlan, 0o644); err != nil {
		t.Fatal(err)
	}
	// How long one save takes here, so kills spread over whole saves.
	start := time.Now()
	if err := orgchart.WriteFile(path, b, safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	save := max(time.Since(start), 5*time.Millisecond)
	t.Logf("one save of %d bytes takes about %v", len(newPlan), save)

	const kills = 50
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	seen := map[string]int{}
	deadline := time.Now().Add(3 * time.Minute)
	for i := 0; i < kills; i++ {
		if time.Now().After(deadline) {
			t.Fatalf("only %d kills in 3 minutes: the machine is too busy or the child hangs", i)
		}
		// The child saves the old plan, then the new one, in turn: kills
		// spread over four saves find the file in both states (over two, they
		// land in the first saves, which rewrite the old plan, whenever the
		// child saves no faster than this process measured).
		delay := time.Duration(rng.Int64N(int64(4 * save)))
		killDuringSave(t, path, delay)
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("kill %d: the plan file is gone: %v", i, err)
		}
		switch {
		case bytes.Equal(got, oldPlan):
			seen["old"]++
		case bytes.Equal(got, newPlan):
			seen["new"]++
		default:
			t.Fatalf("kill %d after %v: the file is neither the old nor the new plan (%d bytes; old %d, new %d)", i, delay, len(got), len(oldPlan), len(newPlan))
		}
		if _, _, err := orgchart.Read(got, path, nil); err != nil {
			t.Fatalf("kill %d: the file on disk does not read: %v", i, err)
		}
	}
	temps := leftoverTemps(t, dir)
	t.Logf("%d kills: old plan %d times, new plan %d times, %d temporary files left behind", kills, seen["old"], seen["new"], len(temps))
	if seen["old"] == 0 || seen["new"] == 0 {
		t.Errorf("the kills always found the same plan (%v): they did not land during saves", seen)
	}
	// Temporary files of killed saves are hidden siblings (.plan.yaml.saving-*);
	// nothing else may appear in the folder.
	for _, name := range temps {
		if !strings.HasPrefix(name, ".plan.yaml.saving-") {
			t.Errorf("unexpected file %s left in the plan's folder", name)
		}
	}
	// The next save removes them at once: no process holds them any more.
	if err := orgchart.WriteFile(path, a, safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	if left := leftoverTemps(t, dir); len(left) != 0 {
		t.Errorf("a save left %d stale temporary files of killed saves: %v", len(left), left)
	}
}

// killDuringSave starts the child, waits until it is saving in a loop, lets
// it run for delay and kills it with SIGKILL.
func killDuringSave(t *testing.T, path string, delay time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashDuringSave$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == "saving" {
				ready <- true
				return
			}
		}
		ready <- false
	}()
	select {
	case ok := <-ready:
		if !ok {
			cmd.Wait()
			t.Fatal("the child ended before it started saving")
		}
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the child did not start saving within a minute")
	}
	time.Sleep(delay)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the child was not killed by the signal (it ended on its own: %v)", err)
	}
}

// crashChild saves the two plans over path in turn until it is killed (or
// for at most a minute, should the parent be gone).
func crashChild(path string) {
	a, b := crashPlans()
	plans := []*orgchart.Plan{a, b}
	fmt.Println("saving")
	stop := time.Now().Add(time.Minute)
	for i := 0; time.Now().Before(stop); i++ {
		if err := orgchart.WriteFile(path, plans[i%2], safefile.Options{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
	os.Exit(0)
}

func leftoverTemps(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != "plan.yaml" {
			out = append(out, e.Name())
		}
	}
	return out
}
