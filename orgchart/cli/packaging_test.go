package cli

import (
	"encoding/xml"
	"os"
	"os/exec"
	"strings"
	"testing"
)

const linuxDir = "../../assets/linux/"

// The desktop entry opens plan files and names their MIME type, which the
// shared-mime-info file defines; the AppStream metainfo has the screenshot
// and the version and id of FyneApp.toml.
func TestLinuxPackagingFiles(t *testing.T) {
	desktop, err := os.ReadFile(linuxDir + "io.orgplanner.app.desktop")
	if err != nil {
		t.Fatal(err)
	}
	entry := map[string]string{}
	for _, line := range strings.Split(string(desktop), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			entry[k] = v
		}
	}
	if entry["Exec"] != "orgplanner %f" {
		t.Errorf("Exec=%q: the entry must pass the file it opens (%%f)", entry["Exec"])
	}
	mimeType := strings.TrimSuffix(entry["MimeType"], ";")
	if mimeType == "" {
		t.Fatal("no MimeType")
	}

	var mime struct {
		Types []struct {
			Type  string `xml:"type,attr"`
			Globs []struct {
				Pattern string `xml:"pattern,attr"`
			} `xml:"glob"`
		} `xml:"mime-type"`
	}
	data, _ := os.ReadFile(linuxDir + "io.orgplanner.app.mime.xml")
	if err := xml.Unmarshal(data, &mime); err != nil || len(mime.Types) != 1 {
		t.Fatalf("mime XML: %v %+v", err, mime)
	}
	if mime.Types[0].Type != mimeType || len(mime.Types[0].Globs) == 0 || mime.Types[0].Globs[0].Pattern != "*.plan.yaml" {
		t.Errorf("mime type %+v, desktop entry %q", mime.Types[0], mimeType)
	}

	var meta struct {
		ID          string `xml:"id"`
		Launchable  string `xml:"launchable"`
		Screenshots []struct {
			Image string `xml:"image"`
		} `xml:"screenshots>screenshot"`
		Releases []struct {
			Version string `xml:"version,attr"`
		} `xml:"releases>release"`
		Mediatypes []string `xml:"provides>mediatype"`
	}
	data, _ = os.ReadFile(linuxDir + "io.orgplanner.app.metainfo.xml")
	if err := xml.Unmarshal(data, &meta); err != nil {
		t.Fatal(err)
	}
	toml, _ := os.ReadFile("../../FyneApp.toml")
	if !strings.Contains(string(toml), `ID = "`+meta.ID+`"`) || meta.Launchable != meta.ID+".desktop" {
		t.Errorf("metainfo id %q / launchable %q do not match FyneApp.toml's ID", meta.ID, meta.Launchable)
	}
	if len(meta.Releases) == 0 || meta.Releases[0].Version != appVersion(toml) {
		t.Errorf("metainfo release %+v, FyneApp.toml version %q", meta.Releases, appVersion(toml))
	}
	if len(meta.Screenshots) == 0 || !strings.HasSuffix(meta.Screenshots[0].Image, "/docs/images/screenshot-scaleup.png") {
		t.Errorf("screenshots %+v", meta.Screenshots)
	} else if _, err := os.Stat("../../docs/images/screenshot-scaleup.png"); err != nil {
		t.Errorf("the screenshot the metainfo shows is not in the repository: %v", err)
	}
	if len(meta.Mediatypes) != 1 || meta.Mediatypes[0] != mimeType {
		t.Errorf("metainfo provides %v", meta.Mediatypes)
	}

	// The freedesktop validators, where installed (make test-deps installs them).
	for _, v := range [][]string{
		{"desktop-file-validate", linuxDir + "io.orgplanner.app.desktop"},
		{"appstreamcli", "validate", "--no-net", "--pedantic", linuxDir + "io.orgplanner.app.metainfo.xml"},
	} {
		if _, err := exec.LookPath(v[0]); err != nil {
			t.Logf("%s not installed", v[0])
			continue
		}
		if out, err := exec.Command(v[0], v[1:]...).CombinedOutput(); err != nil || strings.Contains(string(out), "W:") || strings.Contains(string(out), "E:") {
			t.Errorf("%s: %v\n%s", v[0], err, out)
		}
	}
}

// make package runs fyne package on a copy of the tree: fyne rewrites Build
// in FyneApp.toml at every run and writes its own files where it builds.
func TestPackageScriptWorksOnACopy(t *testing.T) {
	script, err := os.ReadFile("../../.ci/package-linux.sh")
	if err != nil {
		t.Fatal(err)
	}
	s := string(script)
	if !strings.Contains(s, `(cd "$OUT/src" && "$FYNE" package`) || strings.Count(s, `"$FYNE" package`) != 1 {
		t.Error("fyne package does not run in the copy of the tree")
	}
	for _, f := range []string{"io.orgplanner.app.desktop", "io.orgplanner.app.mime.xml", "io.orgplanner.app.metainfo.xml"} {
		if !strings.Contains(s, "assets/linux/"+f) {
			t.Errorf("the bundle lacks %s", f)
		}
	}
}
