package samples

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/orgplanner/orgplanner/assets"
	"github.com/orgplanner/orgplanner/catalog"
	"github.com/orgplanner/orgplanner/orgchart"
	"github.com/orgplanner/orgplanner/orgchart/safefile"
)

var update = flag.Bool("update", false, "rewrite assets/samples/*.yaml from the builders")

// sampleDir is assets/samples seen from this package's folder.
var sampleDir = filepath.Join("..", "..", "assets", "samples")

func defaultCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Default()
	if err != nil {
		t.Fatalf("built-in catalog: %v", err)
	}
	return cat
}

// TestCommittedSamplesMatchBuilders regenerates every sample in memory and
// compares it with the committed file; -update rewrites the files.
func TestCommittedSamplesMatchBuilders(t *testing.T) {
	for _, name := range Names() {
		p, err := Build(name)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(sampleDir, name+".yaml")
		if *update {
			if err := orgchart.WriteFile(path, p, safefile.Options{}); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./orgchart/samples -update)", err)
		}
		if !bytes.Equal(got, p.Encode()) {
			t.Errorf("%s differs from what its builder makes; run go test ./orgchart/samples -update and commit the file", path)
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	for _, name := range Names() {
		a, _ := Build(name)
		b, _ := Build(name)
		if !bytes.Equal(a.Encode(), b.Encode()) {
			t.Errorf("%s: two builds differ", name)
		}
	}
}

func TestBuildUnknownSample(t *testing.T) {
	if _, err := Build("megacorp"); err == nil {
		t.Fatal("Build(megacorp) gave no error")
	}
}

// TestSamplesLoadAndRoundTrip reads each committed file against the built-in
// catalog and checks that saving it again gives exactly the same bytes.
func TestSamplesLoadAndRoundTrip(t *testing.T) {
	cat := defaultCatalog(t)
	for _, name := range Names() {
		path := filepath.Join(sampleDir, name+".yaml")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte(Header+"\n")) {
			t.Errorf("%s: does not start with the schema line %q", path, Header)
		}
		p, _, err := orgchart.Read(data, path, cat)
		if err != nil {
			t.Errorf("%s does not load: %v", path, err)
			continue
		}
		if got := p.Encode(); !bytes.Equal(got, data) {
			t.Errorf("%s: Encode(Read(file)) differs from the file", path)
		}
	}
}

// TestSamplesAreEmbedded checks that the binary carries every sample under
// the names the app asks for.
func TestSamplesAreEmbedded(t *testing.T) {
	if !slices.Equal(assets.SampleNames(), Names()) {
		t.Errorf("assets.SampleNames() = %v, want %v", assets.SampleNames(), Names())
	}
	for _, name := range Names() {
		embedded, err := assets.Samples.ReadFile("samples/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		onDisk, err := os.ReadFile(filepath.Join(sampleDir, name+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(embedded, onDisk) && !*update {
			t.Errorf("embedded %s.yaml differs from the file on disk", name)
		}
	}
}

// TestSampleSizes keeps the samples at the sizes their names promise, with
// vacancies, teams, dotted lines and (for the larger two) costs.
func TestSampleSizes(t *testing.T) {
	for _, c := range []struct {
		name                   string
		minPeople, maxPeople   int
		minPositions, maxPosns int
		costs                  bool
	}{
		{"startup", 38, 45, 38, 45, false},
		{"scaleup", 360, 440, 330, 440, true},
		{"enterprise", 2900, 3400, 2800, 3200, true},
	} {
		p, _ := Build(c.name)
		people, vacant, teams, dotted, costed := 0, 0, 0, 0, 0
		for _, pos := range p.Positions {
			people += pos.Headcount()
			if pos.Vacant() {
				vacant++
			}
			if pos.Count > 1 {
				teams++
			}
			if len(pos.DottedTo) > 0 {
				dotted++
			}
			if pos.Cost > 0 {
				costed++
			}
		}
		n := len(p.Positions)
		t.Logf("%s: %d positions, %d people, %d vacant, %d teams, %d dotted", c.name, n, people, vacant, teams, dotted)
		if people < c.minPeople || people > c.maxPeople {
			t.Errorf("%s: %d people, want %d-%d", c.name, people, c.minPeople, c.maxPeople)
		}
		if n < c.minPositions || n > c.maxPosns {
			t.Errorf("%s: %d positions, want %d-%d", c.name, n, c.minPositions, c.maxPosns)
		}
		if vacant == 0 {
			t.Errorf("%s: no open roles", c.name)
		}
		if c.name != "startup" && (teams == 0 || dotted == 0) {
			t.Errorf("%s: %d team positions and %d dotted lines, want some of each", c.name, teams, dotted)
		}
		if c.costs && costed != n {
			t.Errorf("%s: %d of %d positions have a cost", c.name, costed, n)
		}
	}
}

// TestStartupHasNoSecurityOwner guards the point of the startup sample:
// nobody in it is accountable for security, while the plan states that its
// CTO owns on-call and incident response (as founders do at 40 people), so
// the checks do not send it looking for a VP of SRE.
func TestStartupHasNoSecurityOwner(t *testing.T) {
	cat := defaultCatalog(t)
	p, _ := Build("startup")
	ctoOwnsOnCall := false
	for _, pos := range p.Positions {
		if cat.Role(pos.Role) == nil {
			t.Fatalf("startup: role %q is not in the catalog", pos.Role)
		}
		owns, _ := pos.Capabilities(cat)
		for _, c := range owns {
			if k := cat.Capability(c); k != nil && k.Domain == catalog.SEC {
				t.Errorf("startup: %s (%s) owns %s; the sample is meant to have no security owner", pos.Role, pos.Title, c)
			}
			if c == "sre-on-call" && pos.Role == "chief-technology-officer" {
				ctoOwnsOnCall = true
			}
		}
	}
	if !ctoOwnsOnCall {
		t.Error("startup: the plan should say that its CTO owns on-call")
	}
}
