package orgchart_test

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"orgplanner/orgchart"
	"orgplanner/orgchart/generate"
)

// Plans for the benchmarks are generated inside them (generate.Generate is
// deterministic), so the figures in docs/performance.md can be reproduced.

func benchRead(b *testing.B, n int) {
	data := generate.Generate(n, 1).Encode()
	cat := builtin(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := orgchart.Read(data, "bench.yaml", cat); err != nil {
			b.Fatal(err)
		}
	}
}

func benchEncode(b *testing.B, n int) {
	p := generate.Generate(n, 1)
	b.SetBytes(int64(len(p.Encode())))
	b.ResetTimer()
	for b.Loop() {
		p.Reindex() // as after a load: the index is built during the save
		p.Encode()
	}
}

func BenchmarkRead10k(b *testing.B)    { benchRead(b, 10_000) }
func BenchmarkRead100k(b *testing.B)   { benchRead(b, 100_000) }
func BenchmarkEncode10k(b *testing.B)  { benchEncode(b, 10_000) }
func BenchmarkEncode100k(b *testing.B) { benchEncode(b, 100_000) }

// genericPlan is what a straightforward yaml.Unmarshal would decode into.
type genericPlan struct {
	Version   int    `yaml:"version"`
	Name      string `yaml:"name"`
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

// BenchmarkYAMLDecode100k is the YAML library alone on the same bytes: the
// yardstick Read is measured against.
func BenchmarkYAMLDecode100k(b *testing.B) {
	data := generate.Generate(100_000, 1).Encode()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		var g genericPlan
		if err := yaml.Unmarshal(data, &g); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkYAMLNodeDecode100k is the node tree Read starts from: its floor.
func BenchmarkYAMLNodeDecode100k(b *testing.B) {
	data := generate.Generate(100_000, 1).Encode()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkYAMLMarshal10k is the generic encoder, for comparison with Encode.
func BenchmarkYAMLMarshal10k(b *testing.B) {
	var g genericPlan
	if err := yaml.Unmarshal(generate.Generate(10_000, 1).Encode(), &g); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := yaml.Marshal(&g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGenerate100k(b *testing.B) {
	for b.Loop() {
		generate.Generate(100_000, 1)
	}
}
